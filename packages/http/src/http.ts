import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';

export class PayloadTooLargeError extends Error {}

/** Reads the raw body, refusing more than limitBytes. */
export function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limitBytes) {
      reject(new PayloadTooLargeError(`body larger than ${limitBytes} bytes`));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        reject(new PayloadTooLargeError(`body larger than ${limitBytes} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendText(res: ServerResponse, status: number, text: string, contentType = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Parses a GraphQL POST body; undefined body for GET. Throws SyntaxError on malformed JSON. */
export function parseGraphQLBody(req: IncomingMessage, raw: Buffer): unknown {
  if (req.method !== 'POST' || raw.length === 0) return undefined;
  const type = String(req.headers['content-type'] ?? '');
  if (type.startsWith('application/json') || type.startsWith('application/graphql-response+json')) return JSON.parse(raw.toString('utf8'));
  return raw.toString('utf8');
}

/**
 * Where executeApollo puts its `scope` on the HTTP request it hands Apollo Server: Apollo passes
 * that same object to the code that answers a request it refuses before its pipeline (the
 * error-scope.ts reads the caller's language and request id there).
 */
export const REQUEST_SCOPE = Symbol('maison.requestScope');

/** Runs one HTTP request through Apollo Server and writes its answer; returns it when it was sent in one piece. */
export async function executeApollo<C extends BaseContext>(
  apollo: ApolloServer<C>,
  req: IncomingMessage,
  res: ServerResponse,
  body: unknown,
  context: () => Promise<C>,
  extraHeaders: Record<string, string> = {},
  scope?: object,
): Promise<{ status: number; body: string; contentType: string; headers: Record<string, string> } | undefined> {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: Object.assign({ method: (req.method ?? 'GET').toUpperCase(), headers, search: url.search, body }, { [REQUEST_SCOPE]: scope }),
    context,
  });
  const outHeaders: Record<string, string> = { ...extraHeaders };
  for (const [key, value] of response.headers) outHeaders[key] = value;
  const status = response.status ?? 200;
  if (response.body.kind === 'complete') {
    outHeaders['content-length'] = String(Buffer.byteLength(response.body.string));
    res.writeHead(status, outHeaders);
    res.end(response.body.string);
    return { status, body: response.body.string, contentType: outHeaders['content-type'] ?? 'application/json; charset=utf-8', headers: outHeaders };
  }
  res.writeHead(status, outHeaders);
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
  return undefined;
}
