import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { negotiateLang } from '@maison/config';
import { codeMessage } from '@maison/errors';
import { sendJson } from './http';
import type { Logger } from './logger';

export interface RunningServer {
  server: Server;
  url: string;
  /**
   * Stops accepting, lets in-flight requests finish until graceMs, then cuts what is left. Each
   * answer given while closing says `Connection: close` and its keep-alive socket is closed once it
   * is sent, so that the server is closed as soon as its last request is answered.
   */
  close(): Promise<void>;
}

/** An HTTP server for a request handler: unexpected failures answer a bare 500, never a stack. */
export function startHttpServer(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  options: { port: number; host: string; graceMs: number; log: Logger; readyMessage: string },
): Promise<RunningServer> {
  const { log } = options;
  let closing = false;
  const inFlight = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    inFlight.add(res);
    if (closing) res.shouldKeepAlive = false;
    res.once('close', () => {
      inFlight.delete(res);
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
    handle(req, res).catch((error) => {
      log.error('request failed', { error });
      const message = codeMessage('INTERNAL_SERVER_ERROR', 'default', negotiateLang(req.headers['accept-language']));
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.end();
    });
  });
  // Longer than any client's idle time, so a pooled keep-alive socket is never closed under a request.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      const url = `http://${options.host === '0.0.0.0' ? 'localhost' : options.host}:${port}/graphql`;
      log.info(options.readyMessage, { url });
      resolve({
        server,
        url,
        async close() {
          closing = true;
          for (const res of inFlight) if (!res.headersSent) res.shouldKeepAlive = false;
          const closed = new Promise<void>((done) => server.close(() => done()));
          server.closeIdleConnections();
          const deadline = setTimeout(() => server.closeAllConnections(), options.graceMs);
          await closed;
          clearTimeout(deadline);
          log.debug('http server closed');
        },
      });
    });
  });
}

/** SIGTERM or SIGINT runs stop once, then exits 0 (1 when stopping failed). */
export function stopOnSignals(stop: () => Promise<void>, log: Logger): void {
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      log.info('stopping', { signal });
      stop().then(
        () => process.exit(0),
        (error: unknown) => {
          log.error('stop failed', { error });
          process.exit(1);
        },
      );
    });
  }
}
