import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { HEADERS } from '@maison/auth';
import { codeMessage } from '@maison/errors';
import {
  createLogger,
  createShutdownDrain,
  executeApollo,
  installSha256Memo,
  parseGraphQLBody,
  PayloadTooLargeError,
  readBody,
  sendJson,
  startHttpServer,
  stoppingBody,
  type RunningServer,
} from '@maison/http';
import { subgraphTimeouts, subgraphUrls, type GatewayConfig, type SubgraphName } from './config';
import { accessTokenSettings, clientKeyOf, identify, requestLang, type GatewayContext } from './context';
import { gatewayFormatError } from './errors/format-error';
import { jsonDepth, operationLimits, requestVariables } from './limits';
import { logRateLimited, rateLimitedBody, type RateLimits } from './rate-limit/rate-limit';
import { replicaState } from './replicas';
import { SignedDataSource } from './signed-data-source';
import { SubgraphFetch } from './subgraph-fetch';
import { VerifiedTokens } from './verified-tokens';
import { serveCalendarFeed } from './ical/route';
import { applyCors, corsPolicy } from './http/cors';
import { gatewayReadiness } from './http/readiness';
import { scalarInputPlugin } from './input/scalar-input-plugin';
import { unavailablePathsPlugin } from './errors/unavailable-paths-plugin';
import { operationResolutionPlugin } from './errors/operation-resolution-plugin';
import { varyOf } from './http/vary';
import { ResponseCache, type CacheSlot } from './response-cache/response-cache';
import { MemoryStore, type CachedAnswer, type ResponseStore } from './response-cache/store';
import { RedisStore, RESPONSE_CACHE_KEYS } from './response-cache/redis-store';
import { workerRelay } from './response-cache/worker-relay';
import { ideRoutes } from './ide/routes';
import { gatewayMetrics } from './gateway-metrics';
import { installOperationMemo } from './apollo/operation-memo';
import { installMediaTypeMemo } from './apollo/media-type-memo';
import { installResultShaping } from './apollo/result-shaping';
import { cacheControlHeaderPlugins } from './apollo/cache-control-header';
import { VerbatimAnswers } from './apollo/verbatim-answer';
import { PreparedOperations, type Preparing } from './apollo/prepared-operations';
import { httpIsTraced } from './subgraph-fetch-http';
import { errorScopePlugin, installErrorScope, type ErrorScope } from '@maison/http';

export interface Gateway {
  apollo: ApolloServer<GatewayContext>;
  /** Undefined when RESPONSE_CACHE=off. */
  responseCache?: ResponseCache;
  /** The rate limits' counters (allowed, limited, decided in memory while Redis failed), for the metrics. */
  rateLimitStats: RateLimits['stats'];
  /** Answers sent as the subgraph wrote them (apollo/verbatim-answer.ts). */
  verbatimStats: VerbatimAnswers['stats'];
  /** Operations answered by the prepared lane (apollo/prepared-operations.ts); undefined when PREPARED_OPERATIONS=off or traced. */
  preparedStats?: PreparedOperations['stats'];
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  listen(): Promise<RunningServer>;
  close(): Promise<void>;
}

export async function createGateway(config: GatewayConfig): Promise<Gateway> {
  installOperationMemo(); // @apollo/gateway rebuilds the client's Operation per request otherwise (apollo/operation-memo.ts)
  installResultShaping(); // answers shaped over a plan of the operation built once, not by asking the schema per field (apollo/result-shaping.ts)
  installSha256Memo(); // Apollo hashes each request's query text and plan key again otherwise (apollo/sha256-memo.ts)
  installMediaTypeMemo(); // Apollo Server parses the Accept header two or three times per request otherwise (apollo/media-type-memo.ts)
  installErrorScope(); // the caller's language and request id reach formatError on the error itself (@maison/http, error-scope.ts)
  process.env.APOLLO_TELEMETRY_DISABLED = '1';
  const log = createLogger('gateway', config.logLevel);
  const drain = createShutdownDrain(config.shutdownDrainMs, log);
  const production = config.nodeEnv === 'production';
  const ide = ideRoutes(production); // GraphiQL from node_modules in development, nothing in production (./ide)
  const urls = subgraphUrls(config);
  const timeouts = subgraphTimeouts(config);
  const limits = operationLimits<GatewayContext>(config);
  const replicas = await replicaState(config, log); // rate limits and APQ, shared through REDIS_URL (replicas.ts)
  const rates = replicas.rates;
  const tokens = accessTokenSettings(config);
  const verifiedTokens = new VerifiedTokens();
  const client = new SubgraphFetch();
  const cors = corsPolicy(config.corsOrigins, production);
  log.info('cross-origin access', { origins: cors.description });
  let responseCache: ResponseCache | undefined;
  if (config.responseCache === 'on') {
    let store: ResponseStore;
    if (config.redisUrl) store = await RedisStore.connect(config.redisUrl, { log, prefix: `${config.redisKeyPrefix}${RESPONSE_CACHE_KEYS}` });
    else {
      const memory = new MemoryStore(config.responseCacheMaxEntries, Date.now, workerRelay.announce());
      workerRelay.listen(memory);
      store = memory;
    }
    responseCache = new ResponseCache(store, log);
    log.info('response cache on', { store: store.kind });
  }
  const supergraphSdl = readFileSync(config.supergraphPath, 'utf8');
  const verbatim = new VerbatimAnswers(supergraphSdl); // one-fetch answers sent as the subgraph wrote them (apollo/verbatim-answer.ts)
  // Off in a traced process: the executor's spans (gateway.request, gateway.fetch…) are the full pipeline's.
  const prepared =
    config.preparedOperations === 'on' && !httpIsTraced()
      ? new PreparedOperations({ verbatim, costOf: limits.costOf, maxCost: limits.maxQueryCost, mutations: rates.mutations, responseCache, log })
      : undefined;
  const metrics = gatewayMetrics(responseCache, rates.stats, verbatim.stats, prepared?.stats);
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) =>
      new SignedDataSource({
        name,
        url: urls[name as SubgraphName] ?? url!,
        secret: config.signingSecret,
        timeoutMs: timeouts[name as SubgraphName] ?? config.subgraphTimeoutMs,
        client,
        log,
        verbatim,
      }),
    logger: { debug: () => undefined, info: (m) => log.info(String(m)), warn: (m) => log.warn(String(m)), error: (m) => log.error(String(m)) },
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !production,
    includeStacktraceInErrorResponses: !production,
    hideSchemaDetailsFromClientErrors: production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    persistedQueries: replicas.persistedQueries,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    formatError: gatewayFormatError({ production, log }),
    stringifyResult: verbatim.stringify,
    // The process's entry point owns SIGTERM/SIGINT and stops the HTTP server, then Apollo, then the pool.
    stopOnTerminationSignals: false,
    plugins: [
      errorScopePlugin<GatewayContext>(),
      operationResolutionPlugin<GatewayContext>(),
      scalarInputPlugin<GatewayContext>(),
      unavailablePathsPlugin(),
      limits.plugin,
      rates.plugin,
      metrics.plugin,
      ...(responseCache ? [responseCache.plugin<GatewayContext>()] : []),
      ApolloServerPluginLandingPageDisabled(), // Apollo's page loads from a CDN; development has ./ide instead
      ...cacheControlHeaderPlugins<GatewayContext>(), // Apollo's header, without its per-field listener
    ],
  });
  await apollo.start();

  async function serveGraphQL(req: IncomingMessage, res: ServerResponse, requestId: string, lang: GatewayContext['lang']): Promise<void> {
    const who = await identify(req, tokens, lang, verifiedTokens);
    if (who.error) log.info('token refused', { requestId, reason: who.reason });
    const clientKey = clientKeyOf(req, who.identity, config.trustProxy);
    const taken = await rates.requests.take(clientKey);
    if (!taken.ok) {
      logRateLimited(log, 'requests', requestId, clientKey);
      return sendJson(res, 429, rateLimitedBody(lang, taken.retryAfterSeconds), { 'retry-after': String(taken.retryAfterSeconds) });
    }
    let raw: Buffer;
    try {
      raw = await readBody(req, config.bodyLimitBytes);
    } catch (error) {
      if (!(error instanceof PayloadTooLargeError)) throw error;
      const limit = config.bodyLimitBytes;
      return sendJson(
        res,
        413,
        { errors: [{ message: codeMessage('PAYLOAD_TOO_LARGE', 'default', lang, { limit }), extensions: { code: 'PAYLOAD_TOO_LARGE', limit } }] },
        { connection: 'close' },
      );
    }
    let body: unknown;
    try {
      body = parseGraphQLBody(req, raw);
    } catch {
      return sendJson(res, 400, { errors: [{ message: codeMessage('BAD_REQUEST', 'default', lang), extensions: { code: 'BAD_REQUEST' } }] });
    }
    // Before anything walks the variables (the cache key, the scalar checks, the planner): bounded nesting.
    const variablesDepth = jsonDepth(requestVariables(req.method, req.url, body), config.maxVariablesDepth);
    if (variablesDepth > config.maxVariablesDepth) {
      const limit = config.maxVariablesDepth;
      const code = 'VARIABLES_DEPTH_LIMIT_EXCEEDED';
      return sendJson(res, 400, { errors: [{ message: codeMessage(code, 'default', lang, { limit }), extensions: { code, limit } }] });
    }
    const scope: ErrorScope = { lang, requestId };
    // Anonymous reads may be answered from the response cache (see response-cache.ts).
    const cacheKey = responseCache && who.identity?.sub === null ? responseCache.keyOf(req, body, lang) : undefined;
    const generation = responseCache?.store.generation() ?? 0;
    const execute = (slot?: CacheSlot, lane?: Pick<GatewayContext, 'preparing' | 'prefetched' | 'mutationTaken'>) =>
      executeApollo(
        apollo,
        req,
        res,
        body,
        async () => {
          if (who.error) throw who.error;
          const context: GatewayContext = { identity: who.identity, lang, requestId, clientKey, responseCache: slot, subgraphFailures: [], verbatim: true };
          if (lane) Object.assign(context, lane);
          return context;
        },
        slot ? { 'x-cache': 'MISS' } : {},
        scope,
      );
    if (!responseCache || !cacheKey) {
      // An operation the full pipeline has answered as its one fetch's text takes the prepared lane (apollo/prepared-operations.ts).
      const outcome = prepared && who.identity ? await prepared.serve(req, res, body, { identity: who.identity, lang, requestId, clientKey }) : undefined;
      if (outcome?.answered) return;
      const key = outcome?.key;
      if (key === undefined) {
        await execute();
        return;
      }
      const preparing: Preparing = { fetches: 0 };
      const answer = await execute(undefined, { preparing, prefetched: outcome?.prefetched, mutationTaken: outcome?.mutationTaken });
      prepared!.handedOnDone(key, outcome?.prefetched, preparing, answer, requestId);
      return;
    }
    // A stored answer, or the answer of the identical read already running; else run it and share it.
    const cached = (await responseCache.lookup(generation, cacheKey)) ?? (await responseCache.follow(generation, cacheKey));
    if (cached) return responseCache.send(res, cached);
    const finish = responseCache.lead(generation, cacheKey);
    let stored: CachedAnswer | undefined;
    try {
      const slot: CacheSlot = {};
      const answer = await execute(slot);
      if (answer) stored = await responseCache.remember(generation, cacheKey, slot, answer);
    } finally {
      finish(stored);
    }
  }

  /** The calendar feed, the GraphQL endpoint, or a 404. */
  async function serveRoute(req: IncomingMessage, res: ServerResponse, url: URL, requestId: string, lang: GatewayContext['lang']): Promise<void> {
    if (url.pathname === '/calendar.ics' && (req.method === 'GET' || req.method === 'HEAD')) {
      const feedClient = clientKeyOf(req, undefined, config.trustProxy);
      const taken = await rates.requests.take(feedClient);
      if (!taken.ok) {
        logRateLimited(log, 'requests', requestId, feedClient);
        return sendJson(res, 429, rateLimitedBody(lang, taken.retryAfterSeconds), { 'retry-after': String(taken.retryAfterSeconds) });
      }
      return serveCalendarFeed(apollo, req, res, requestId);
    }
    if (url.pathname !== '/graphql' && url.pathname !== '/')
      return sendJson(res, 404, { errors: [{ message: codeMessage('NOT_FOUND', 'default', lang), extensions: { code: 'NOT_FOUND' } }] });
    return serveGraphQL(req, res, requestId, lang);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const requestId = randomUUID();
    const lang = requestLang(req);
    res.setHeader(HEADERS.requestId, requestId);
    res.setHeader('content-language', lang);
    res.setHeader('vary', varyOf(url.pathname));
    if (applyCors(cors, req, res)) return;
    if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok', service: 'gateway' });
    if (url.pathname === '/ready') {
      if (drain.stopping) return sendJson(res, 503, stoppingBody('gateway'));
      const { ready, body } = await gatewayReadiness(urls);
      return sendJson(res, ready ? 200 : 503, body);
    }
    if (ide(req, res, url)) return;
    const started = Date.now();
    await serveRoute(req, res, url, requestId, lang);
    metrics.answered(url.pathname, res.statusCode);
    log.info('request', { requestId, method: req.method, path: url.pathname, status: res.statusCode, ms: Date.now() - started });
  }

  let running: RunningServer | undefined;
  return {
    apollo,
    responseCache,
    rateLimitStats: rates.stats,
    verbatimStats: verbatim.stats,
    preparedStats: prepared?.stats,
    handle,
    async listen() {
      running = await startHttpServer(handle, { port: config.port, host: config.host, graceMs: config.shutdownGraceMs, log, readyMessage: 'gateway ready' });
      return running;
    },
    async close() {
      if (running) await drain.run(); // /ready says "stopping" while the balancer takes this process out
      await running?.close();
      await apollo.stop();
      client.destroy();
      metrics.close();
      await responseCache?.store.close();
      await replicas.close();
    },
  };
}
