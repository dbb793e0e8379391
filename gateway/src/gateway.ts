import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { HEADERS } from '@maison/auth';
import { createLogger, executeApollo, parseGraphQLBody, PayloadTooLargeError, readBody, sendJson, startHttpServer, type RunningServer } from '@maison/kit';
import { subgraphUrls, type GatewayConfig, type SubgraphName } from './config';
import { buildContext, type GatewayContext } from './context';
import { SignedDataSource } from './signed-data-source';
import { serveCalendarFeed } from './ical/route';

export interface Gateway {
  apollo: ApolloServer<GatewayContext>;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  listen(): Promise<RunningServer>;
  close(): Promise<void>;
}

const healthUrl = (graphqlUrl: string) => new URL('/health', graphqlUrl).toString();

export async function createGateway(config: GatewayConfig): Promise<Gateway> {
  process.env.APOLLO_TELEMETRY_DISABLED = '1';
  const log = createLogger('gateway', config.logLevel);
  const production = config.nodeEnv === 'production';
  const urls = subgraphUrls(config);
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(config.supergraphPath, 'utf8'),
    buildService: ({ name, url }) =>
      new SignedDataSource({ url: urls[name as SubgraphName] ?? url!, secret: config.signingSecret, timeoutMs: config.subgraphTimeoutMs }),
    logger: { debug: () => undefined, info: (m) => log.info(String(m)), warn: (m) => log.warn(String(m)), error: (m) => log.error(String(m)) },
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !production,
    includeStacktraceInErrorResponses: !production,
    // The process's entry point owns SIGTERM/SIGINT and stops the HTTP server, then Apollo, then the pool.
    stopOnTerminationSignals: false,
    plugins: production ? [ApolloServerPluginLandingPageDisabled()] : [],
  });
  await apollo.start();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok', service: 'gateway' });
    if (url.pathname === '/ready') {
      const checks = await Promise.all(
        Object.entries(urls).map(async ([name, u]) => {
          const ok = await fetch(healthUrl(u), { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false);
          return [name, ok ? 'ok' : 'unreachable'] as const;
        }),
      );
      const ready = checks.every(([, s]) => s === 'ok');
      return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable', subgraphs: Object.fromEntries(checks) });
    }
    const requestId = randomUUID();
    if (url.pathname === '/calendar.ics' && (req.method === 'GET' || req.method === 'HEAD')) return serveCalendarFeed(apollo, req, res, requestId);
    if (url.pathname !== '/graphql' && url.pathname !== '/') return sendJson(res, 404, { error: 'not found' });

    let raw: Buffer;
    try {
      raw = await readBody(req, config.bodyLimitBytes);
    } catch (error) {
      if (error instanceof PayloadTooLargeError) {
        return sendJson(res, 413, { errors: [{ message: error.message, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] }, { [HEADERS.requestId]: requestId });
      }
      throw error;
    }
    let body: unknown;
    try {
      body = parseGraphQLBody(req, raw);
    } catch {
      return sendJson(res, 400, { errors: [{ message: 'Malformed JSON body.', extensions: { code: 'BAD_REQUEST' } }] }, { [HEADERS.requestId]: requestId });
    }
    await executeApollo(apollo, req, res, body, async () => buildContext(req, config, requestId), { [HEADERS.requestId]: requestId });
  }

  let running: RunningServer | undefined;
  return {
    apollo,
    handle,
    async listen() {
      running = await startHttpServer(handle, { port: config.port, host: config.host, graceMs: config.shutdownGraceMs, log, readyMessage: 'gateway ready' });
      return running;
    },
    async close() {
      await running?.close();
      await apollo.stop();
    },
  };
}
