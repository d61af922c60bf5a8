// The baseline: bare Express 5 answering the benchmark's queries (better-sqlite3, or pg for a
// postgres:// BASELINE_DATABASE) with the same JSON as the API's v2, with no validation, no
// limits, no logging. Not part of the product.
import express from 'express';
import { openQueries, routes } from '../peers/handlers.mjs';

const app = express();
app.disable('x-powered-by');
app.use(express.json());
routes(app, openQueries(process.env.BASELINE_DATABASE));
app.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('"listening"'));
