// A deliberately broken server for the fuzzer's own test: an HTTP layer in front of the real
// app that corrupts chosen responses, so src/ stays as it is.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Corruption {
  /** Which responses: `GET /api/v2/posts` matches that path and its query strings. */
  method: string;
  path: RegExp;
  /** Changes the response in place; `body` is the text, `headers` lower-case. */
  corrupt(response: { status: number; headers: Record<string, string>; body: string }): void;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding']);

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startBrokenProxy(target: string, corruptions: Corruption[]): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !HOP_BY_HOP.has(k) && k !== 'host')) as Record<
      string,
      string
    >;
    const upstream = await fetch(`${target}${req.url}`, { method: req.method, headers, body: body.length > 0 ? body : undefined });
    const response = {
      status: upstream.status,
      headers: Object.fromEntries([...upstream.headers].filter(([k]) => !HOP_BY_HOP.has(k))),
      body: await upstream.text(),
    };
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    for (const c of corruptions) if (c.method === req.method && c.path.test(path)) c.corrupt(response);
    res.writeHead(response.status, response.headers).end(response.body);
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
