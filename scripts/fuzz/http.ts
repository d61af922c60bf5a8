// One exchange with the server: the request as sent (and as a curl command), the response as read.
import type { CheckedResponse } from '../../test/support/response-check.js';

export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface Exchange {
  request: SentRequest;
  response: CheckedResponse;
  requestId: string;
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** The request as a command that sends it again. */
export function curlOf(request: SentRequest): string {
  const parts = ['curl -i', '-X', request.method, shellQuote(request.url)];
  for (const [name, value] of Object.entries(request.headers)) parts.push('-H', shellQuote(`${name}: ${value}`));
  if (request.body !== undefined) parts.push('--data-raw', shellQuote(request.body));
  return parts.join(' ');
}

export async function send(request: SentRequest): Promise<CheckedResponse> {
  const res = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body });
  const text = await res.text();
  const isJson = (res.headers.get('content-type') ?? '').includes('json');
  let body: unknown = text || undefined;
  if (isJson && text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return { status: res.status, headers: res.headers, text, body };
}
