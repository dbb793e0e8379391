import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A throwaway HTTP server on 127.0.0.1 (a stand-in subgraph, say): its /graphql URL, and close(). */
export async function listenStub(handler: RequestListener): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return { server, url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A handler that reads the request and answers 200 with this JSON text. */
export const answerWith =
  (json: string): RequestListener =>
  (req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(json));
  };
