import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { issueToken, type Identity } from '@maison/auth';
import { DEV_JWT_SECRET } from '@maison/config';
import { freePorts } from '@maison/embedded-db';
import { testServerUrl } from './database';

const ROOT = path.resolve(__dirname, '..', '..', '..');
export const DEV_ISSUER = 'https://la-maison.example/auth';
export const DEV_AUDIENCE = 'la-maison-api';

/** A development token the gateway accepts, for an identity of ./identities. */
export function tokenFor(identity: Identity, expiresInSeconds = 600): string {
  if (identity.sub === null) throw new Error('anonymous callers have no token');
  const { sub, roles, tenantId, memberId, artistId } = identity;
  return issueToken(
    { sub, roles: [...roles], ...(tenantId && { tenantId }), ...(memberId && { memberId }), ...(artistId && { artistId }) },
    { secret: DEV_JWT_SECRET, issuer: DEV_ISSUER, audience: DEV_AUDIENCE },
    expiresInSeconds,
  );
}

export interface GraphResponse {
  status: number;
  headers: Headers;
  body: { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, unknown>; path?: unknown[] }[] };
}

export interface RunningGraph {
  gatewayUrl: string;
  subgraphUrls: Record<'tenants' | 'coworking' | 'gallery', string>;
  /** Each process's Prometheus endpoint (METRICS_PORT; never the public port). */
  metricsUrls: Record<'gateway' | 'tenants' | 'coworking' | 'gallery', string>;
  output: () => string;
  launcher: ChildProcess;
  query(
    query: string,
    variables?: Record<string, unknown>,
    options?: { identity?: Identity; token?: string; headers?: Record<string, string> },
  ): Promise<GraphResponse>;
  /** The data of an answer that must be HTTP 200 without errors (otherwise it throws, with what came instead). */
  data(
    query: string,
    variables?: Record<string, unknown>,
    options?: { identity?: Identity; token?: string; headers?: Record<string, string> },
  ): Promise<Record<string, any>>;
  /** Total SQL statements a subgraph has run since it started (from its /metrics). */
  sqlStatements(subgraph: 'tenants' | 'coworking' | 'gallery'): Promise<number>;
  /** Total GraphQL requests a subgraph has served since it started (from its /metrics): the gateway's fetches to it. */
  subgraphRequests(subgraph: 'tenants' | 'coworking' | 'gallery'): Promise<number>;
  /** A counter of the gateway's /metrics, e.g. maison_response_cache_hits_total. */
  gatewayCounter(name: string): Promise<number>;
  /** A counter of a subgraph's /metrics, e.g. maison_unsigned_requests_rejected_total, summed over its labels (those given must match). */
  subgraphCounter(subgraph: 'tenants' | 'coworking' | 'gallery', name: string, labels?: Record<string, string>): Promise<number>;
  /** Waits until no subgraph serves requests or runs SQL any more (the hold reconcilers' boot rounds call tenants). */
  settle(): Promise<void>;
  stop(): Promise<number | null>;
}

/**
 * Boots the whole graph through the real launcher (scripts/dist/start.js, what `npm start` runs),
 * on free ports, with fresh databases on the test server (or on the server databaseUrl names, or
 * an embedded PostgreSQL of the launcher's own when embedded is true). `npm test` builds the code first.
 */
export async function startGraph(options: { embedded?: boolean; databaseUrl?: string; env?: Record<string, string> } = {}): Promise<RunningGraph> {
  // Nine distinct ports (separate freePort() calls may hand out the same one twice).
  const [gateway, tenants, coworking, gallery, pgPort, gatewayMetrics, tenantsMetrics, coworkingMetrics, galleryMetrics] = (await freePorts(9)) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const metricsPorts = { gateway: gatewayMetrics, tenants: tenantsMetrics, coworking: coworkingMetrics, gallery: galleryMetrics };
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    PORT: String(gateway),
    TENANTS_PORT: String(tenants),
    COWORKING_PORT: String(coworking),
    GALLERY_PORT: String(gallery),
    METRICS_PORT: String(metricsPorts.gateway),
    TENANTS_METRICS_PORT: String(metricsPorts.tenants),
    COWORKING_METRICS_PORT: String(metricsPorts.coworking),
    GALLERY_METRICS_PORT: String(metricsPorts.gallery),
    DATABASE_PREFIX: `t_graph_${randomBytes(4).toString('hex')}_`,
    // The hold reconcilers run their round at boot (startGraph returns once each has succeeded), then
    // not again during a test file unless it asks: their rounds would count in the requests and SQL
    // statements tests measure.
    HOLD_RECONCILE_SECONDS: '3600',
    ...options.env,
  };
  delete env.DATABASE_URL;
  if (options.embedded) {
    env.EMBEDDED_PG_PORT = String(pgPort);
    env.DATA_DIR ??= path.join(ROOT, '.data', `graph-${randomBytes(4).toString('hex')}`);
  } else {
    env.DATABASE_URL = options.databaseUrl ?? testServerUrl();
  }
  const launcher = spawn(process.execPath, [path.join(ROOT, 'scripts', 'dist', 'start.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  launcher.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  launcher.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => launcher.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      launcher.kill('SIGTERM');
      reject(new Error(`graph not ready in 90 s:\n${output}`));
    }, 90_000);
    const check = () => {
      if (/\[la-maison\] ready in/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    launcher.stdout!.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`launcher exited (${code}) before ready:\n${output}`));
    });
  });
  const gatewayUrl = `http://127.0.0.1:${gateway}/graphql`;
  const subgraphUrls = {
    tenants: `http://127.0.0.1:${tenants}/graphql`,
    coworking: `http://127.0.0.1:${coworking}/graphql`,
    gallery: `http://127.0.0.1:${gallery}/graphql`,
  };
  const metricsUrls = {
    gateway: `http://127.0.0.1:${metricsPorts.gateway}/metrics`,
    tenants: `http://127.0.0.1:${metricsPorts.tenants}/metrics`,
    coworking: `http://127.0.0.1:${metricsPorts.coworking}/metrics`,
    gallery: `http://127.0.0.1:${metricsPorts.gallery}/metrics`,
  };
  const running: RunningGraph = {
    gatewayUrl,
    subgraphUrls,
    metricsUrls,
    launcher,
    output: () => output,
    async query(query, variables, opts = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json', ...opts.headers };
      const token = opts.token ?? (opts.identity && opts.identity.sub !== null ? tokenFor(opts.identity) : undefined);
      if (token) headers.authorization = `Bearer ${token}`;
      const response = await fetch(gatewayUrl, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      return { status: response.status, headers: response.headers, body: (await response.json()) as GraphResponse['body'] };
    },
    async data(query, variables, opts) {
      const { status, body } = await this.query(query, variables, opts);
      if (status !== 200 || body.errors || !body.data) throw new Error(`expected HTTP 200 with data and no errors, got ${status}: ${JSON.stringify(body)}`);
      return body.data;
    },
    sqlStatements(subgraph) {
      return readCounter(metricsUrls[subgraph], subgraph, 'maison_sql_statements_total');
    },
    subgraphRequests(subgraph) {
      return readCounter(metricsUrls[subgraph], subgraph, 'maison_graphql_requests_total');
    },
    gatewayCounter(name) {
      return readCounter(metricsUrls.gateway, 'gateway', name);
    },
    subgraphCounter(subgraph, name, labels) {
      return readCounter(metricsUrls[subgraph], subgraph, name, labels);
    },
    async settle() {
      const names = Object.keys(subgraphUrls) as (keyof typeof subgraphUrls)[];
      const snapshot = async () => JSON.stringify(await Promise.all(names.flatMap((n) => [running.subgraphRequests(n), running.sqlStatements(n)])));
      let last = await snapshot();
      for (let still = 0, i = 0; still < 3 && i < 100; i += 1) {
        await new Promise((r) => setTimeout(r, 200));
        const now = await snapshot();
        still = now === last ? still + 1 : 0;
        last = now;
      }
    },
    async stop() {
      if (launcher.exitCode === null) launcher.kill('SIGTERM');
      return exited;
    },
  };
  await reconciledOnce(running);
  return running;
}

/**
 * Waits (at most 60 s) until the hold reconcilers of coworking and the gallery have each had a
 * round that succeeded. Their boot round often fails, the tenants subgraph not listening yet, and
 * is tried again 1 s, 2 s, 4 s… later: a retry left pending would call tenants in the middle of a
 * test, and count in what it measures.
 */
async function reconciledOnce(graph: RunningGraph): Promise<void> {
  const kinds = { coworking: 'coworking-event', gallery: 'vernissage' } as const;
  for (let i = 0; i < 300; i += 1) {
    const rounds = await Promise.all(
      (Object.keys(kinds) as (keyof typeof kinds)[]).map((name) =>
        graph.subgraphCounter(name, 'maison_hold_reconcile_rounds_total', { kind: kinds[name], outcome: 'ok' }),
      ),
    );
    if (rounds.every((n) => n > 0)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  await graph.stop();
  throw new Error(`the hold reconcilers had no successful round in 60 s:\n${graph.output()}`);
}

/**
 * A counter of a /metrics page, summed over its samples whose labels include `labels`: 0 while it
 * has no such sample yet, an error when the process has no such counter.
 */
async function readCounter(metricsUrl: string, subgraph: string, name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await (await fetch(metricsUrl)).text();
  if (!new RegExp(`^# TYPE ${name} counter$`, 'm').test(text)) throw new Error(`no ${name} in /metrics of ${subgraph}`);
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  const samples = [...text.matchAll(new RegExp(`^${name}(?:\\{([^}]*)\\})? (\\d+)$`, 'gm'))];
  const matching = samples.filter((match) => wanted.every((pair) => (match[1] ?? '').split(',').includes(pair)));
  return matching.reduce((sum, match) => sum + Number(match[2]), 0);
}
