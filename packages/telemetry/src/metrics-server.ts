import { createServer, type Server } from 'node:http';
import { AggregatorRegistry, register } from 'prom-client';
import type { Logger } from './logger';

export interface MetricsServerOptions {
  port: number;
  host: string;
  log: Logger;
  /** In a cluster's primary: the sum of every worker's metrics (prom-client's AggregatorRegistry). */
  cluster?: boolean;
}

/**
 * GET /metrics in the Prometheus text format, on its own port (never the public one); anything else
 * is 404. Port 0 turns it off (undefined). A port already taken is logged as an error and the
 * process goes on without metrics: they never stop the service itself. The server does not keep the
 * process alive.
 */
export function startMetricsServer(options: MetricsServerOptions): Promise<Server | undefined> {
  if (options.port === 0) return Promise.resolve(undefined);
  const aggregator = options.cluster ? new AggregatorRegistry() : undefined;
  const scrape = () => (aggregator ? aggregator.clusterMetrics() : register.metrics());
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    scrape().then(
      (text) => res.writeHead(200, { 'content-type': register.contentType }).end(text),
      (error: unknown) => {
        options.log.error('metrics scrape failed', { error });
        res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics unavailable\n');
      },
    );
  });
  return new Promise((resolve) => {
    server.once('error', (error) => {
      options.log.error('metrics endpoint not started', { error, port: options.port, host: options.host });
      resolve(undefined);
    });
    server.listen(options.port, options.host, () => {
      server.unref();
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      options.log.info('metrics ready', { url: `http://${options.host}:${port}/metrics` });
      resolve(server);
    });
  });
}

/**
 * In a cluster worker: answer the primary's scrapes with this worker's metrics (prom-client only
 * listens for them once an AggregatorRegistry exists in the process).
 */
export function answerPrimaryScrapes(): void {
  new AggregatorRegistry();
}
