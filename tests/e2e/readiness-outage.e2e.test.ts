import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@maison/embedded-db';
import { reasonMessage } from '@maison/errors';
import { admin, startGraph, startPostgresProcess, type GraphResponse, type PostgresProcess, type RunningGraph } from '@maison/testing';

/**
 * A database outage, as an operator would cause it: the graph runs on a PostgreSQL of this test's
 * own, which is killed (SIGKILL to its postmaster) and started again on the same data and port.
 * Every /ready (three subgraphs and the gateway) must say 503 and name the failed check while it
 * is down, and 200 again once it is back, with no process restarted. Meanwhile a read and a write
 * answer DATABASE_UNAVAILABLE in the caller's language (not INTERNAL_SERVER_ERROR, nothing of the
 * driver), and the write changed nothing.
 */
const NAMES = ['tenants', 'coworking', 'gallery', 'gateway'] as const;
type Name = (typeof NAMES)[number];

const CREATE_TENANT = `mutation($input: CreateTenantInput!) { createTenant(input: $input) { tenant { slug } userErrors { code } } }`;
const newTenant = {
  slug: `outage-${randomUUID().slice(0, 8)}`,
  name: { fr: 'Atelier', en: 'Studio' },
  kind: 'PROFESSIONAL',
  contactEmail: 'atelier@outage.example',
};

/** The error a field of the tenants subgraph gets while its database is down, in the registry's words. */
function databaseUnavailable(answer: GraphResponse, path: string[], lang: 'fr' | 'en') {
  const reason = answer.body.errors?.[0]?.extensions?.reason as 'CONNECTION_REFUSED' | 'CONNECTION_LOST';
  // Refused once the pool's connections are gone; lost if a pooled connection had not yet noticed.
  expect(['CONNECTION_REFUSED', 'CONNECTION_LOST']).toContain(reason);
  return {
    message: reasonMessage('DATABASE_UNAVAILABLE', reason, lang, { subgraph: 'tenants' }),
    path,
    extensions: { code: 'DATABASE_UNAVAILABLE', subgraph: 'tenants', reason },
  };
}

const WARNED = /^\[(?:tenants|coworking|gallery) *\] \S+ warn +database unavailable .*reason=CONNECTION_(REFUSED|LOST)/gm;

const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'maison-outage-')), 'postgres');
let port: number;
let pg: PostgresProcess;
let graph: RunningGraph;

const readyUrl = (name: Name) => new URL('/ready', name === 'gateway' ? graph.gatewayUrl : graph.subgraphUrls[name]).toString();
async function readiness(name: Name): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(readyUrl(name), { signal: AbortSignal.timeout(5000) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
/** Polls every /ready until each answers `status` (at most 30 s), then returns the last answers. */
async function allReadyAre(status: number): Promise<Record<Name, { status: number; body: Record<string, unknown> }>> {
  let answers = {} as Record<Name, { status: number; body: Record<string, unknown> }>;
  for (let i = 0; i < 150; i += 1) {
    answers = Object.fromEntries(await Promise.all(NAMES.map(async (name) => [name, await readiness(name)] as const))) as typeof answers;
    if (NAMES.every((name) => answers[name].status === status)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return answers;
}

beforeAll(async () => {
  port = await freePort();
  pg = await startPostgresProcess(dataDir, port);
  graph = await startGraph({ databaseUrl: pg.url });
}, 180_000);

afterAll(async () => {
  await graph?.stop();
  await pg?.stop();
  rmSync(path.dirname(dataDir), { recursive: true, force: true });
});

it('says 503 on every /ready while PostgreSQL is down, naming the check, answers DATABASE_UNAVAILABLE to a read and a write (which saves nothing), and works again once it is back, without a restart', async () => {
  const before = await allReadyAre(200);
  for (const name of NAMES) expect(before[name].status).toBe(200);
  expect(before.tenants.body).toEqual({ status: 'ready', service: 'tenants', checks: { database: 'ok' } });
  expect(before.gateway.body).toEqual({ status: 'ready', subgraphs: { tenants: 'ok', coworking: 'ok', gallery: 'ok' } });
  expect((await graph.data('{ tenants { slug } }')).tenants).toHaveLength(6);
  const outages = () =>
    Promise.all((['tenants', 'coworking', 'gallery'] as const).map((name) => graph.subgraphCounter(name, 'maison_database_unavailable_total')));
  expect(await outages()).toEqual([0, 0, 0]);

  process.kill(pg.postmasterPid(), 'SIGKILL');

  const down = await allReadyAre(503);
  for (const name of ['tenants', 'coworking', 'gallery'] as const) {
    expect(down[name]).toEqual({ status: 503, body: { status: 'unavailable', service: name, checks: { database: 'failed' } } });
  }
  expect(down.gateway).toEqual({
    status: 503,
    body: {
      status: 'unavailable',
      subgraphs: { tenants: 'not ready (database: failed)', coworking: 'not ready (database: failed)', gallery: 'not ready (database: failed)' },
    },
  });
  // What a client reads meanwhile: signed in, so that the answer cannot come from the response cache.
  const logsBefore = graph.output().length;
  const during = await graph.query('{ tenants { slug } }', {}, { identity: admin });
  const inEnglish = await graph.query('{ tenants { slug } }', {}, { identity: admin, headers: { 'accept-language': 'en' } });
  const write = await graph.query(CREATE_TENANT, { input: newTenant }, { identity: admin });
  const everyone = await graph.query('{ tenants { slug } membershipPlans { id } artists { nodes { id } } }', {}, { identity: admin });
  expect(during.status).toBe(200);
  expect(during.body).toEqual({ data: null, errors: [databaseUnavailable(during, ['tenants'], 'fr')] });
  expect(during.body.errors![0]!.message).toMatch(/^La /);
  expect(inEnglish.body).toEqual({ data: null, errors: [databaseUnavailable(inEnglish, ['tenants'], 'en')] });
  expect(inEnglish.body.errors![0]!.message).toMatch(/^The /);
  expect(write.status).toBe(200);
  expect(write.body).toEqual({ data: null, errors: [databaseUnavailable(write, ['createTenant'], 'fr')] });
  // Each subgraph names itself: three errors, one per root field, one per subgraph.
  expect(everyone.body.data ?? null).toBeNull();
  expect(everyone.body.errors?.map((e) => [e.path, e.extensions?.code, e.extensions?.subgraph]).sort()).toEqual([
    [['artists'], 'DATABASE_UNAVAILABLE', 'gallery'],
    [['membershipPlans'], 'DATABASE_UNAVAILABLE', 'coworking'],
    [['tenants'], 'DATABASE_UNAVAILABLE', 'tenants'],
  ]);
  // Nothing of the driver reaches the client (no ECONNREFUSED, no host or port), in this development mode too.
  for (const answer of [during, inEnglish, write, everyone])
    expect(JSON.stringify(answer.body)).not.toMatch(new RegExp(`INTERNAL_SERVER_ERROR|ECONN|127\\.0\\.0\\.1|${port}`));
  // The operator's log (the launcher relays it line by line): one warn per failed subgraph request (4 to tenants, 1 each to the others), no error line.
  const outageLog = async () => {
    for (let i = 0; i < 50 && (graph.output().slice(logsBefore).match(WARNED) ?? []).length < 6; i += 1) await new Promise((r) => setTimeout(r, 100));
    return graph.output().slice(logsBefore);
  };
  const logged = await outageLog();
  expect(logged.match(WARNED)).toHaveLength(6);
  expect(logged).not.toMatch(/ error /);
  // The same six on each subgraph's metrics port: maison_database_unavailable_total{service, reason}.
  expect(await outages()).toEqual([4, 1, 1]);

  // The same data folder and port: what a supervisor restarting PostgreSQL does. The killed
  // server's backends may take a moment to notice their postmaster is gone and free its memory.
  await pg.stop();
  for (let attempt = 1; ; attempt += 1) {
    try {
      pg = await startPostgresProcess(dataDir, port);
      break;
    } catch (error) {
      if (attempt >= 50) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  const back = await allReadyAre(200);
  for (const name of NAMES) expect(back[name].status).toBe(200);
  expect(back.gateway.body).toEqual({ status: 'ready', subgraphs: { tenants: 'ok', coworking: 'ok', gallery: 'ok' } });
  expect((await graph.data('{ tenants { slug } }', {}, { identity: admin })).tenants).toHaveLength(6);
  // The write refused during the outage changed nothing (its transaction never committed): its slug is free.
  expect(await graph.data(`{ tenant(slug: "${newTenant.slug}") { id } }`, {}, { identity: admin })).toEqual({ tenant: null });
  const created = await graph.data(CREATE_TENANT, { input: newTenant }, { identity: admin });
  expect(created.createTenant).toEqual({ tenant: { slug: newTenant.slug }, userErrors: [] });
  // Nothing was restarted: the launcher and its four processes are the ones that started.
  expect(graph.launcher.exitCode).toBeNull();
  expect(graph.output()).not.toMatch(/exited \(code|stopping/);
  process.stdout.write(`outage: HTTP ${during.status} ${JSON.stringify(during.body)}\noutage, a write: HTTP ${write.status} ${JSON.stringify(write.body)}\n`);
});
