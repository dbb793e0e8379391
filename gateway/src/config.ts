import path from 'node:path';
import { parseCorsOrigins } from './http/cors';
import { parseTrustProxy, type TrustProxy } from './http/trust-proxy';
import { clientTraceSpec, metricsSpec, tracingSpec } from '@maison/telemetry';
import { shutdownDrainSpec } from '@maison/http';
import { commonSpec, DEV_JWT_SECRET, devDefault, readConfig, redisSpec, v, type ConfigOf, type Env, type Variable } from '@maison/config';

export const SUBGRAPH_NAMES = ['tenants', 'coworking', 'gallery'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];
export const DEFAULT_SUBGRAPH_PORTS: Record<SubgraphName, number> = { tenants: 4001, coworking: 4002, gallery: 4003 };

const subgraphUrl = (name: SubgraphName) =>
  v.url(`${name.toUpperCase()}_URL`, {
    description: `GraphQL endpoint of the ${name} subgraph`,
    default: devDefault(`http://127.0.0.1:${DEFAULT_SUBGRAPH_PORTS[name]}/graphql`),
  });

const subgraphTimeout = (name: SubgraphName) =>
  v.int(`${name.toUpperCase()}_TIMEOUT_MS`, {
    description: `timeout of each call to the ${name} subgraph (default: SUBGRAPH_TIMEOUT_MS)`,
    optional: true,
    min: 100,
    max: 120_000,
  }) as Variable<number | undefined>;

export const gatewaySpec = {
  ...commonSpec,
  port: v.int('PORT', { description: 'HTTP port of the gateway', default: 4000, min: 0, max: 65535 }),
  host: v.string('HOST', { description: 'interface to listen on', default: '127.0.0.1' }),
  tenantsUrl: subgraphUrl('tenants'),
  coworkingUrl: subgraphUrl('coworking'),
  galleryUrl: subgraphUrl('gallery'),
  supergraphPath: v.string('SUPERGRAPH_PATH', {
    description: 'composed supergraph SDL served by the gateway',
    default: path.resolve(__dirname, '..', 'supergraph.graphql'),
  }),
  jwtSecret: v.secret('JWT_SECRET', { description: 'HS256 secret that signs access tokens', default: devDefault(DEV_JWT_SECRET) }),
  jwtIssuer: v.string('JWT_ISSUER', { description: 'expected iss claim of access tokens', default: 'https://la-maison.example/auth' }),
  jwtAudience: v.string('JWT_AUDIENCE', { description: 'expected aud claim of access tokens', default: 'la-maison-api' }),
  subgraphTimeoutMs: v.int('SUBGRAPH_TIMEOUT_MS', { description: 'timeout of each subgraph call', default: 5000, min: 100, max: 120_000 }),
  tenantsTimeoutMs: subgraphTimeout('tenants'),
  coworkingTimeoutMs: subgraphTimeout('coworking'),
  galleryTimeoutMs: subgraphTimeout('gallery'),
  maxQueryDepth: v.int('MAX_QUERY_DEPTH', { description: 'deepest operation accepted (fields on the longest path)', default: 10, min: 1, max: 100 }),
  maxAliases: v.int('MAX_ALIASES', { description: 'most aliases in one operation, fragments expanded', default: 30, min: 0, max: 10_000 }),
  maxTokens: v.int('MAX_TOKENS', { description: 'most lexical tokens in one document; parsing stops there', default: 2000, min: 10, max: 1_000_000 }),
  maxVariablesDepth: v.int('MAX_VARIABLES_DEPTH', {
    description: 'deepest nesting of objects and lists in the variables, checked before any other work',
    default: 64,
    min: 1,
    max: 1000,
  }),
  maxQueryCost: v.int('MAX_QUERY_COST', { description: 'highest estimated cost of one operation (README, "The cost model")', default: 3000, min: 1 }),
  queryCostListSize: v.int('QUERY_COST_LIST_SIZE', {
    description: 'items the cost model assumes for a list the schema does not size with @listSize',
    default: 10,
    min: 1,
    max: 1000,
  }),
  rateLimitPerMinute: v.int('RATE_LIMIT_PER_MINUTE', {
    description: 'requests per minute per identity (or address when anonymous); 0: off',
    default: 600,
    min: 0,
  }),
  rateLimitMutationsPerMinute: v.int('RATE_LIMIT_MUTATIONS_PER_MINUTE', {
    description: 'mutations per minute per identity (or address); 0: off',
    default: 60,
    min: 0,
  }),
  jwksUrl: v.optionalUrl('JWKS_URL', 'JWKS of the identity provider: RS256 tokens are verified against its keys'),
  jwksCacheSeconds: v.int('JWKS_CACHE_SECONDS', { description: 'how long fetched keys are used before the JWKS is fetched again', default: 600, min: 1 }),
  jwksRefetchCooldownMs: v.int('JWKS_REFETCH_COOLDOWN_MS', {
    description: 'least time between two JWKS fetches caused by an unknown kid',
    default: 30_000,
    min: 0,
  }),
  jwtAcceptHs256: v.bool('JWT_ACCEPT_HS256', {
    description: 'accept HS256 tokens signed with JWT_SECRET (turn off once an identity provider issues every token)',
    default: true,
  }),
  bodyLimitBytes: v.int('BODY_LIMIT_BYTES', { description: 'largest accepted request body', default: 1_048_576, min: 1024 }),
  workers: v.int('GATEWAY_WORKERS', {
    description: 'gateway processes sharing the port (node cluster); rate limits and persisted queries are per process unless REDIS_URL is set',
    default: 1,
    min: 1,
    max: 64,
  }),
  responseCache: v.oneOf('RESPONSE_CACHE', ['on', 'off'] as const, {
    description: 'full-response cache of anonymous public reads (in memory, or in Redis when REDIS_URL is set)',
    default: 'on',
  }),
  preparedOperations: v.oneOf('PREPARED_OPERATIONS', ['on', 'off'] as const, {
    description:
      'one-fetch operations answered by the prepared lane once the full pipeline has answered them as their fetch’s text (apollo/prepared-operations.ts)',
    default: 'on',
  }),
  responseCacheMaxEntries: v.int('RESPONSE_CACHE_MAX_ENTRIES', { description: 'answers kept by the in-memory response cache', default: 10_000, min: 1 }),
  ...redisSpec,
  apqTtlSeconds: v.int('APQ_TTL_SECONDS', { description: 'how long a persisted query stays registered in Redis (with REDIS_URL)', default: 86_400, min: 1 }),
  trustProxy: v.custom('TRUST_PROXY', parseTrustProxy, {
    description: 'when X-Forwarded-For names the client: false (default), a hop count, or proxy addresses/CIDRs, comma-separated',
    default: parseTrustProxy('false'),
  }) as Variable<TrustProxy>,
  corsOrigins: v.custom('CORS_ORIGINS', parseCorsOrigins, {
    description:
      'origins whose browser pages may call the gateway, comma-separated (*, https://*.domain allowed); unset: localhost in development, none in production',
    optional: true,
  }) as Variable<string[] | undefined>,
  shutdownGraceMs: v.int('SHUTDOWN_GRACE_MS', { description: 'how long in-flight requests may finish after SIGTERM', default: 10_000, min: 0 }),
  ...shutdownDrainSpec,
  ...metricsSpec(9464),
  ...tracingSpec,
  ...clientTraceSpec,
};
export type GatewayConfig = ConfigOf<typeof gatewaySpec>;

export const readGatewayConfig = (env: Env = process.env): GatewayConfig => readConfig(gatewaySpec, env);

export const subgraphUrls = (config: GatewayConfig): Record<SubgraphName, string> => ({
  tenants: config.tenantsUrl,
  coworking: config.coworkingUrl,
  gallery: config.galleryUrl,
});

/** The timeout of one subgraph: its own variable when set, SUBGRAPH_TIMEOUT_MS otherwise. */
export const subgraphTimeouts = (config: GatewayConfig): Record<SubgraphName, number> => ({
  tenants: config.tenantsTimeoutMs ?? config.subgraphTimeoutMs,
  coworking: config.coworkingTimeoutMs ?? config.subgraphTimeoutMs,
  gallery: config.galleryTimeoutMs ?? config.subgraphTimeoutMs,
});
