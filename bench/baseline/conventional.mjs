// "Conventional Express": the baseline plus what an Express service usually carries — helmet's
// headers, a request id (the caller's X-Request-ID, else a UUID, echoed back) and one pino line
// per request through pino-http with its defaults. What the usual stack costs, beside the bare
// baseline. Not part of the product.
import { randomUUID } from 'node:crypto';
import express from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { openQueries, routes } from '../peers/handlers.mjs';

const app = express();
app.disable('x-powered-by');
app.use(helmet());
app.use(
  pinoHttp({
    genReqId(req, res) {
      const id = req.headers['x-request-id'] ?? randomUUID();
      res.setHeader('X-Request-ID', id);
      return id;
    },
  }),
);
app.use(express.json());
routes(app, openQueries(process.env.BASELINE_DATABASE));
app.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('"listening"'));
