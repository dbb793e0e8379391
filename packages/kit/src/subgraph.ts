import type { ClassType } from './class-type';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLFormattedError } from 'graphql';
import type { NonEmptyArray } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { ANONYMOUS, HEADERS, verifySingleUse, SignatureError, type Identity } from '@maison/auth';
import { commonSpec, LANGS, negotiateLang, readConfig, readConfigOrExit, redisSpec, v, type ConfigOf, type Env, type Lang, DEFAULT_LANG } from '@maison/config';
import { codeMessage, SIGNATURE_PROBLEMS, type SignatureProblemKey } from '@maison/errors';
import {
  createLogger,
  errorScope,
  errorScopePlugin,
  executeApollo,
  installErrorScope,
  installSha256Memo,
  parseGraphQLBody,
  PayloadTooLargeError,
  readBody,
  sendJson,
  createShutdownDrain,
  shutdownDrainSpec,
  startHttpServer,
  stoppingBody,
  stopOnSignals,
  type ErrorScope,
  type Logger,
  type RunningServer,
} from '@maison/http';
import type { RequestScope } from '@maison/house';
import { collectProcessMetrics, databaseUnavailable, metricsSpec, signatureRefusals, startMetricsServer, tracingSpec } from '@maison/telemetry';
import { createDataSource, ensureDatabase, migrate, SqlCounter } from './database';
import { buildFederatedSchema, type ReferenceResolvers } from './schema';
import { cacheHeaderPlugin, type CacheHints } from './cache-hints';
import { nulInputPlugin } from './nul-input-plugin';
import { subgraphReadiness } from './readiness';
import { subgraphMetrics } from './subgraph-metrics';
import { databaseUnavailableAnswer, driverMessage } from './database-unavailable';
import type { SubgraphContext } from './context';
import { scalarMessageIn } from './scalar-types';
import { signatureNonces } from './signature-nonces';
import { insertReference, loadDemoOnce, loadsDemo, seedModeVariable, type ReferenceRow } from './seeding';

export interface SubgraphModule<Services = unknown, Loaders = unknown> {
  name: string;
  defaultPort: number;
  resolvers: NonEmptyArray<ClassType>;
  orphanedTypes?: ClassType[];
  references: ReferenceResolvers;
  /** Seconds each object type's data stays true, for the cache-control policy of answers (cache-hints.ts). */
  cacheHints?: CacheHints;
  entities: ClassType[];
  migrationsDir: string;
  createServices(ds: DataSource, config: SubgraphConfig): Services;
  /** Per request; services are the process's own (createServices), for loaders that ask them. */
  createLoaders(ds: DataSource, scope: RequestScope, services: Services): Loaders;
  /** What the real house is made of: inserted when missing at every boot, in every environment (seeding.ts). */
  reference?: readonly ReferenceRow[];
  /** Demo data, loaded once when SEED=demo (the default outside production). Idempotent: running it twice changes nothing. */
  demo?(ds: DataSource): Promise<void>;
  /** A large data set for benchmarks, on top of the demo data (`npm run seed -- --scale N`). Idempotent. */
  seedScale?(ds: DataSource, scale: number): Promise<void>;
  /**
   * Called once the subgraph listens (not in in-process tests): background work such as
   * reconciling holds with another subgraph. Must not throw; log and retry instead.
   */
  onReady?(services: Services, log: Logger): void;
}

export const subgraphSpec = (defaultPort: number, name: string) => ({
  ...commonSpec,
  ...redisSpec,
  signatureNonceMaxEntries: v.int('SIGNATURE_NONCE_MAX_ENTRIES', {
    description: 'signature nonces a subgraph keeps in memory (without REDIS_URL) before it refuses signed requests',
    default: 500_000,
    min: 1,
  }),
  port: v.int('PORT', { description: 'HTTP port of the subgraph', default: defaultPort, min: 0, max: 65535 }),
  host: v.string('HOST', { description: 'interface to listen on', default: '127.0.0.1' }),
  databaseUrl: v.url('DATABASE_URL', {
    description: `PostgreSQL URL of the house_${name} database (created when missing)`,
    protocols: ['postgres:', 'postgresql:'],
  }),
  dbPoolSize: v.int('DB_POOL_SIZE', { description: 'PostgreSQL connections per process', default: 10, min: 1, max: 200 }),
  seed: seedModeVariable,
  tenantsUrl: v.optionalUrl('TENANTS_URL', 'tenants subgraph, for service-to-service calls'),
  coworkingUrl: v.optionalUrl('COWORKING_URL', 'coworking subgraph, for service-to-service calls'),
  galleryUrl: v.optionalUrl('GALLERY_URL', 'gallery subgraph, for service-to-service calls'),
  bodyLimitBytes: v.int('BODY_LIMIT_BYTES', { description: 'largest accepted request body', default: 1_048_576, min: 1024 }),
  shutdownGraceMs: v.int('SHUTDOWN_GRACE_MS', { description: 'how long in-flight requests may finish after SIGTERM', default: 10_000, min: 0 }),
  holdReconcileSeconds: v.int('HOLD_RECONCILE_SECONDS', {
    description: 'seconds between two rounds of the shared-space hold reconciler (coworking, gallery)',
    default: 60,
    min: 1,
    max: 3600,
  }),
  ...shutdownDrainSpec,
  ...metricsSpec(defaultPort + 5464), // tenants 9465, coworking 9466, gallery 9467 (the gateway has 9464)
  ...tracingSpec,
});
export type SubgraphConfig = ConfigOf<ReturnType<typeof subgraphSpec>>;

export function readSubgraphConfig(module: Pick<SubgraphModule, 'defaultPort' | 'name'>, env: Env = process.env): SubgraphConfig {
  return readConfig(subgraphSpec(module.defaultPort, module.name), env);
}

/** A subgraph without cache hints: none of its answers may be cached (one object, so its shapes are remembered). */
const NO_HINTS: CacheHints = {};

/**
 * What a subgraph shows of an error. In production: an error with a known code keeps its message,
 * locations and path, and of its extensions only code (and a machine-readable reason); anything
 * else becomes "Erreur interne." (in the request's language) with code INTERNAL_SERVER_ERROR: no
 * SQL, constraint, stack or URL. In development and tests everything is shown.
 */
export function maskSubgraphError(formatted: GraphQLFormattedError, production: boolean, lang: Lang = DEFAULT_LANG): GraphQLFormattedError {
  if (!production) return formatted;
  const code = formatted.extensions?.code;
  if (typeof code !== 'string' || code === 'INTERNAL_SERVER_ERROR') {
    return {
      message: codeMessage('INTERNAL_SERVER_ERROR', 'default', lang),
      ...(formatted.path && { path: formatted.path }),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  }
  const reason = formatted.extensions?.reason;
  return {
    message: formatted.message.replace(/ ?Did you mean .+?\?/g, ''),
    ...(formatted.locations && { locations: formatted.locations }),
    ...(formatted.path && { path: formatted.path }),
    extensions: { code, ...(typeof reason === 'string' && /^[A-Z][A-Z_]*$/.test(reason) && { reason }) },
  };
}

export interface ExecuteResult {
  body: { data?: Record<string, any> | null; errors?: GraphQLFormattedError[] };
  statements: number;
}

export interface Subgraph<Services = unknown, Loaders = unknown> {
  module: SubgraphModule<Services, Loaders>;
  sdl: string;
  apollo: ApolloServer<SubgraphContext<Services, Loaders>>;
  ds: DataSource;
  services: Services;
  counter: SqlCounter;
  stats: { requests: number; rejected: number };
  /** Runs an operation in-process as the given identity, counting its SQL statements. */
  execute(query: string, variables?: Record<string, unknown>, scope?: Partial<RequestScope>): Promise<ExecuteResult>;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  listen(): Promise<RunningServer>;
  close(): Promise<void>;
}

/** Connects, creates the database when missing, migrates, inserts the missing reference data and (when asked) the demo data. */
export async function openDatabase(module: SubgraphModule<any, any>, config: SubgraphConfig, counter: SqlCounter, log: Logger): Promise<DataSource> {
  await ensureDatabase(config.databaseUrl);
  const ds = createDataSource({
    url: config.databaseUrl,
    entities: module.entities,
    poolSize: config.dbPoolSize,
    counter,
    applicationName: `la-maison-${module.name}`,
  });
  await ds.initialize();
  const applied = await migrate(ds, module.migrationsDir);
  if (applied.length > 0) log.info('migrations applied', { migrations: applied });
  const inserted = await insertReference(ds, module.reference ?? []);
  if (inserted.length > 0) log.info('reference data inserted', { rows: inserted.length });
  if (loadsDemo(config.seed) && (await loadDemoOnce(ds, module.demo))) log.info('demo data loaded');
  return ds;
}

export async function createSubgraph<S, L>(module: SubgraphModule<S, L>, config: SubgraphConfig): Promise<Subgraph<S, L>> {
  installSha256Memo(); // Apollo Server hashes each request's query text again otherwise (@maison/http sha256-memo)
  installErrorScope(); // the caller's language and request id reach formatError on the error itself
  const log = createLogger(module.name, config.logLevel);
  const drain = createShutdownDrain(config.shutdownDrainMs, log);
  const production = config.nodeEnv === 'production';
  const counter = new SqlCounter();
  const { schema, sdl } = await buildFederatedSchema(module);
  const ds = await openDatabase(module, config, counter, log);
  const services = module.createServices(ds, config);
  const stats = { requests: 0, rejected: 0 };
  const nonces = await signatureNonces(config, module.name, log);
  const metrics = subgraphMetrics<SubgraphContext<S, L>>(module.name, stats, counter, ds);

  const apollo = new ApolloServer<SubgraphContext<S, L>>({
    schema,
    introspection: !production,
    includeStacktraceInErrorResponses: !production,
    // The process's entry point owns SIGTERM/SIGINT and stops the HTTP server, then Apollo, then the pool.
    stopOnTerminationSignals: false,
    // No per-field plugin: Apollo wraps every resolver when one is installed. The inline trace is
    // unused (no usage reporting), and Cache-Control comes from the operation, not from each field.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      nulInputPlugin<SubgraphContext<S, L>>(),
      errorScopePlugin<SubgraphContext<S, L>>(),
      metrics.plugin,
      cacheHeaderPlugin(schema, module.cacheHints ?? NO_HINTS, (ctx: SubgraphContext<S, L>) => ctx.identity.sub === null),
    ],
    // The request's language and id ride on the error (@maison/http, error-scope.ts): no AsyncLocalStorage.
    formatError(formatted, error) {
      const scope = errorScope(error);
      const lang = scope?.lang ?? DEFAULT_LANG;
      const unavailable = databaseUnavailableAnswer(formatted, error, module.name, lang);
      if (unavailable) {
        if (unavailable.answer.extensions?.subgraph === module.name) databaseUnavailable.inc({ service: module.name, reason: unavailable.reason });
        log.warn('database unavailable', {
          requestId: scope?.requestId,
          reason: unavailable.reason,
          error: driverMessage(error),
          path: formatted.path,
        });
        return unavailable.answer;
      }
      const code = formatted.extensions?.code;
      const known = typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR';
      if (!known) {
        log.error('unexpected error', {
          requestId: scope?.requestId,
          error: (error as { originalError?: Error })?.originalError ?? error,
          path: formatted.path,
        });
      }
      return maskSubgraphError(scalarMessageIn(formatted, error, lang), production, lang);
    },
  });
  await apollo.start();

  const contextFor = (identity: Identity, lang: Lang, requestId: string): SubgraphContext<S, L> => ({
    identity,
    lang,
    requestId,
    services,
    ds,
    loaders: module.createLoaders(ds, { identity, lang }, services),
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok', service: module.name });
    if (url.pathname === '/ready') {
      if (drain.stopping) return sendJson(res, 503, stoppingBody(module.name));
      const { ready, checks } = await subgraphReadiness(ds);
      return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable', service: module.name, checks });
    }
    // Before the signature is checked, the language the request asks for (it only picks words).
    const asked = askedLang(req);
    if (url.pathname !== '/graphql')
      return sendJson(res, 404, { errors: [{ message: codeMessage('NOT_FOUND', 'default', asked), extensions: { code: 'NOT_FOUND' } }] });

    // Not run in the AsyncLocalStorage (@maison/telemetry): its promise hook was a fifth of a
    // subgraph's CPU on the month view (docs/tuning.md). What needs the request has it at hand.
    const requestId = String(req.headers[HEADERS.requestId] ?? randomUUID()).slice(0, 100);
    return serveGraphQL(req, res, requestId, asked);
  }

  async function serveGraphQL(req: IncomingMessage, res: ServerResponse, requestId: string, asked: Lang): Promise<void> {
    let raw: Buffer;
    try {
      raw = await readBody(req, config.bodyLimitBytes);
    } catch (error) {
      if (error instanceof PayloadTooLargeError) {
        const limit = config.bodyLimitBytes;
        return sendJson(res, 413, {
          errors: [{ message: codeMessage('PAYLOAD_TOO_LARGE', 'default', asked, { limit }), extensions: { code: 'PAYLOAD_TOO_LARGE', limit } }],
        });
      }
      throw error;
    }
    let verified: { identity: Identity; lang: Lang };
    try {
      verified = await verifySingleUse(config.signingSecret, req.headers, raw, config.signatureMaxAgeSeconds, nonces);
    } catch (error) {
      stats.rejected += 1;
      const reason = error instanceof SignatureError ? error.message : 'invalid request';
      const problem: SignatureProblemKey = error instanceof SignatureError ? error.problem : 'INVALID_REQUEST';
      signatureRefusals.inc({ service: module.name, reason: problem });
      log.warn('unsigned request refused', { requestId, reason, remote: req.socket.remoteAddress });
      return sendJson(res, 401, {
        errors: [
          {
            message: codeMessage('UNAUTHENTICATED', 'NOT_FROM_GATEWAY', asked, { problem: SIGNATURE_PROBLEMS[problem][asked] }),
            extensions: { code: 'UNAUTHENTICATED' },
          },
        ],
      });
    }
    let body: unknown;
    try {
      body = parseGraphQLBody(req, raw);
    } catch {
      return sendJson(res, 400, { errors: [{ message: codeMessage('BAD_REQUEST', 'default', verified.lang), extensions: { code: 'BAD_REQUEST' } }] });
    }
    stats.requests += 1;
    // The scope reaches the errors Apollo answers before its pipeline (a malformed request).
    const scope: ErrorScope = { lang: verified.lang, requestId };
    await executeApollo(apollo, req, res, body, async () => contextFor(verified.identity, verified.lang, requestId), {}, scope);
    log.debug('request', { requestId });
  }

  let running: RunningServer | undefined;
  return {
    module,
    sdl,
    apollo,
    ds,
    services,
    counter,
    stats,
    async execute(query, variables, scope = {}) {
      const lang = scope.lang ?? DEFAULT_LANG;
      const requestId = randomUUID();
      const { result, statements } = await counter.measure(
        () =>
          apollo.executeOperation(
            { query, variables: variables && JSON.parse(JSON.stringify(variables)) },
            { contextValue: contextFor(scope.identity ?? ANONYMOUS, lang, requestId) },
          ),
        { requestId, lang },
      );
      if (result.body.kind !== 'single') throw new Error('incremental delivery is not used');
      return { body: result.body.singleResult as ExecuteResult['body'], statements };
    },
    handle,
    async listen() {
      running = await startHttpServer(handle, { port: config.port, host: config.host, graceMs: config.shutdownGraceMs, log, readyMessage: 'subgraph ready' });
      return running;
    },
    async close() {
      if (running) await drain.run(); // /ready says "stopping" while the balancer takes this process out
      await running?.close();
      await apollo.stop();
      log.debug('apollo stopped');
      await ds.destroy();
      metrics.close();
      log.debug('database pool closed');
      await nonces.close();
    },
  };
}

/** The language a request asks for before its signature is checked: the gateway's header, else Accept-Language. */
function askedLang(req: IncomingMessage): Lang {
  const header = req.headers[HEADERS.lang];
  return typeof header === 'string' && LANGS.includes(header as Lang) ? (header as Lang) : negotiateLang(req.headers['accept-language']);
}

/** Entry point of a subgraph process: config or exit, listen, stop cleanly on SIGTERM/SIGINT. */
export async function runSubgraph(module: SubgraphModule<any, any>): Promise<void> {
  const config = readConfigOrExit(subgraphSpec(module.defaultPort, module.name));
  const log = createLogger(module.name, config.logLevel);
  collectProcessMetrics();
  const subgraph = await createSubgraph(module, config);
  await subgraph.listen();
  await startMetricsServer({ port: config.metricsPort, host: config.metricsHost, log });
  module.onReady?.(subgraph.services, log);
  stopOnSignals(() => subgraph.close(), log);
}
