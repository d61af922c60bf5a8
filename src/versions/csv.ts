import { Readable, pipeline } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { SearchHit } from '../domain/search.js';
import type { PostRecord, UserRecord } from '../domain/types.js';

/** A streamed CSV export: the router pipes `stream` to the client as an attachment named `filename`. */
export interface CsvExport {
  filename: string;
  stream: Readable;
}

type Cell = string | number | null;
export type CsvColumns<R> = Record<string, (record: R) => Cell>;

/** OWASP CSV injection: a cell a spreadsheet would run as a formula gets a leading quote. */
export const neutralise = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/**
 * Streams records as RFC 4180 CSV (header row, CRLF, quoting by csv-stringify). Back-pressure
 * reaches the database: the next batch is read only when the client has taken the last one.
 */
export function csvExport<R>(filename: string, columns: CsvColumns<R>, records: AsyncIterable<R>): { status: 200; csv: CsvExport } {
  const names = Object.keys(columns);
  const getters = Object.values(columns);
  async function* rows() {
    for await (const record of records) yield getters.map((get) => get(record));
  }
  const stringifier = stringify({ header: true, columns: names, record_delimiter: 'windows', cast: { string: neutralise } });
  // pipeline() destroys the stringifier with the source's error, so the router sees a failed read.
  const stream = pipeline(Readable.from(rows()), stringifier, () => {});
  return { status: 200, csv: { filename, stream } };
}

export const userCsv: CsvColumns<UserRecord> = {
  id: (u) => u.id,
  email: (u) => u.email,
  name: (u) => u.name,
  role: (u) => u.role,
  created_at: (u) => u.created_at,
  updated_at: (u) => u.updated_at,
};

/** Tags are one cell holding a JSON array, so tags with commas or spaces survive a round trip. */
export const postCsv: CsvColumns<PostRecord> = {
  id: (p) => p.id,
  title: (p) => p.title,
  body: (p) => p.body,
  tags: (p) => JSON.stringify(p.tags),
  author_id: (p) => p.author.id,
  author_name: (p) => p.author.name,
  author_email: (p) => p.author.email,
  created_at: (p) => p.created_at,
  updated_at: (p) => p.updated_at,
};

export const searchCsv: CsvColumns<SearchHit> = {
  type: (h) => h.kind,
  id: (h) => (h.kind === 'user' ? h.user.id : h.post.id),
  score: (h) => h.score,
  name: (h) => (h.kind === 'user' ? h.user.name : null),
  email: (h) => (h.kind === 'user' ? h.user.email : null),
  title: (h) => (h.kind === 'post' ? h.post.title : null),
  author_id: (h) => (h.kind === 'post' ? h.post.author.id : null),
  created_at: (h) => (h.kind === 'user' ? h.user.created_at : h.post.created_at),
};
