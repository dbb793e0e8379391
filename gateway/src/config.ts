import path from 'node:path';
import { commonSpec, DEV_JWT_SECRET, devDefault, readConfig, v, type ConfigOf, type Env } from '@maison/config';

export const SUBGRAPH_NAMES = ['tenants', 'coworking', 'gallery'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];
export const DEFAULT_SUBGRAPH_PORTS: Record<SubgraphName, number> = { tenants: 4001, coworking: 4002, gallery: 4003 };

const subgraphUrl = (name: SubgraphName) =>
  v.url(`${name.toUpperCase()}_URL`, {
    description: `GraphQL endpoint of the ${name} subgraph`,
    default: devDefault(`http://127.0.0.1:${DEFAULT_SUBGRAPH_PORTS[name]}/graphql`),
  });

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
  bodyLimitBytes: v.int('BODY_LIMIT_BYTES', { description: 'largest accepted request body', default: 1_048_576, min: 1024 }),
  shutdownGraceMs: v.int('SHUTDOWN_GRACE_MS', { description: 'how long in-flight requests may finish after SIGTERM', default: 10_000, min: 0 }),
};
export type GatewayConfig = ConfigOf<typeof gatewaySpec>;

export const readGatewayConfig = (env: Env = process.env): GatewayConfig => readConfig(gatewaySpec, env);

export const subgraphUrls = (config: GatewayConfig): Record<SubgraphName, string> => ({
  tenants: config.tenantsUrl,
  coworking: config.coworkingUrl,
  gallery: config.galleryUrl,
});
