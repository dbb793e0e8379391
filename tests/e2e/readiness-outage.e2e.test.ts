import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@maison/embedded-db';
import { admin, startGraph, startPostgresProcess, type PostgresProcess, type RunningGraph } from '@maison/testing';

/**
 * A database outage, as an operator would cause it: the graph runs on a PostgreSQL of this test's
 * own, which is killed (SIGKILL to its postmaster) and started again on the same data and port.
 * Every /ready (three subgraphs and the gateway) must say 503 and name the failed check while it
 * is down, and 200 again once it is back, with no process restarted.
 */
const NAMES = ['tenants', 'coworking', 'gallery', 'gateway'] as const;
type Name = (typeof NAMES)[number];

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

it('says 503 on every /ready while PostgreSQL is down, naming the check, and 200 again once it is back, without a restart', async () => {
  const before = await allReadyAre(200);
  for (const name of NAMES) expect(before[name].status).toBe(200);
  expect(before.tenants.body).toEqual({ status: 'ready', service: 'tenants', checks: { database: 'ok' } });
  expect(before.gateway.body).toEqual({ status: 'ready', subgraphs: { tenants: 'ok', coworking: 'ok', gallery: 'ok' } });
  expect((await graph.data('{ tenants { slug } }')).tenants).toHaveLength(6);

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
  // Signed in, so that the answer cannot come from the response cache.
  const during = await graph.query('{ tenants { slug } }', {}, { identity: admin });
  expect(during.body.data ?? null).toBeNull();
  expect(during.body.errors?.length).toBeGreaterThan(0);

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
  // Nothing was restarted: the launcher and its four processes are the ones that started.
  expect(graph.launcher.exitCode).toBeNull();
  expect(graph.output()).not.toMatch(/exited \(code|stopping/);
  process.stdout.write(`outage: HTTP ${during.status} ${JSON.stringify(during.body)}\n`);
});
