import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { issueToken, signRequest, type Identity } from '@maison/auth';
import { DEV_JWT_SECRET, DEV_SIGNING_SECRET } from '@maison/config';
import { freePort, startEmbeddedPostgres, type RunningPostgres } from '@maison/embedded-db';
import { withDatabase } from '@maison/kit';
import { stableId } from '@maison/house';
import { load, median, type LoadResult } from './bench/load';
import { newRunId, scenarios, type Scenario } from './bench/scenarios';
import { ROOT } from './services';
import { waitForHealth } from './launcher';

/**
 * `npm run bench`: the graph on a large data set (seed --scale), driven at 50 connections by
 * autocannon, each request with its own Authorization header; a warm-up, then measured runs.
 * Each scenario runs through our gateway and, as the floor no gateway can beat, straight to the
 * subgraph that answers it. Prints medians and ratios and writes docs/benchmarks.md.
 */
const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: process.env.BENCH_SCALE ?? '100' },
    runs: { type: 'string', default: process.env.BENCH_RUNS ?? '5' },
    duration: { type: 'string', default: process.env.BENCH_DURATION ?? '5' },
    connections: { type: 'string', default: '50' },
    only: { type: 'string' },
    workers: { type: 'string', default: process.env.BENCH_WORKERS ?? '2' },
  },
});
const SCALE = Number(args.scale);
const RUNS = Number(args.runs);
const DURATION = Number(args.duration);
const CONNECTIONS = Number(args.connections);
const WORKERS = Number(args.workers);
const PREFIX = 'bench_';
const say = (m: string) => process.stdout.write(`[bench] ${m}\n`);

const settings = { secret: DEV_JWT_SECRET, issuer: 'https://la-maison.example/auth', audience: 'la-maison-api' };
const readers = Array.from({ length: 500 }, (_, i) =>
  issueToken({ sub: `bench-reader-${i}`, roles: ['TENANT'], tenantId: stableId('tenant', `bench-${i}`) }, settings, 3600),
);
const writers = Array.from({ length: 50 }, (_, i) => issueToken({ sub: `bench-admin-${i}`, roles: ['ADMIN'] }, settings, 3600));
const writerIdentity = (n: number): Identity => ({ sub: `bench-admin-${n % 50}`, roles: ['ADMIN'] });

/** A subgraph's counters, from its metrics endpoint (METRICS_PORT). */
async function metrics(url: string): Promise<{ sql: number; requests: number }> {
  const text = await (await fetch(url)).text();
  const value = (name: string) => Number(new RegExp(`^${name}\\{[^}]*\\} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  return { sql: value('maison_sql_statements_total'), requests: value('maison_graphql_requests_total') };
}

async function main(): Promise<void> {
  let pg: RunningPostgres | undefined;
  let launcher: ChildProcess | undefined;
  const extras: ChildProcess[] = [];
  const dataDir = path.join(ROOT, '.data', 'bench-pg');
  const stop = async () => {
    for (const child of extras) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    if (launcher && launcher.exitCode === null) {
      launcher.kill('SIGTERM');
      await new Promise((r) => launcher!.once('exit', r));
    }
    await pg?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.on('SIGINT', () => void stop().then(() => process.exit(130)));
  try {
    let server = process.env.DATABASE_URL;
    if (!server) {
      say('starting an embedded PostgreSQL for the benchmark');
      pg = await startEmbeddedPostgres({ dataDir, persistent: false });
      server = pg.url;
    }
    say(`seeding at scale ${SCALE}`);
    const seeded = spawnSync(process.execPath, [path.join(ROOT, 'scripts/dist/seed.js'), '--scale', String(SCALE)], {
      env: { ...process.env, DATABASE_URL: server, DATABASE_PREFIX: PREFIX, SEED: 'demo' },
      stdio: 'inherit',
    });
    if (seeded.status !== 0) throw new Error('seed failed');

    // A space without limits, for the non-conflicting bookings of the mutation scenario.
    const benchSpaceId = stableId('shared-space', 'banc-d-essai');
    const tenants = new Client({ connectionString: withDatabase(server, `${PREFIX}tenants`) });
    await tenants.connect();
    await tenants.query(
      `INSERT INTO shared_space (id, slug, name, capacity, opening_hours, buffer_minutes, min_duration_minutes, max_duration_minutes, horizon_days, min_notice_minutes)
       VALUES ($1, 'banc-d-essai', '{"fr": "Banc d’essai", "en": "Test bench"}', 10,
         (SELECT jsonb_agg(jsonb_build_object('weekday', d, 'opens', '00:00', 'closes', '24:00')) FROM generate_series(1, 7) d), 0, 15, 1440, 730, 0)
       ON CONFLICT DO NOTHING`,
      [benchSpaceId],
    );
    await tenants.end();
    const gallery = new Client({ connectionString: withDatabase(server, `${PREFIX}gallery`) });
    await gallery.connect();
    const [{ slug: exhibitionSlug }] = (
      await gallery.query(
        `SELECT e.slug FROM exhibition e JOIN exhibition_artwork a ON a.exhibition_id = e.id WHERE e.slug NOT LIKE 'exposition-fictive-%' GROUP BY e.slug ORDER BY count(*) DESC LIMIT 1`,
      )
    ).rows;
    await gallery.end();

    const [gatewayPort, tenantsPort, coworkingPort, galleryPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
    const metricsPorts = { tenants: await freePort(), coworking: await freePort(), gallery: await freePort() };
    const graphEnv = {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      SEED: 'none',
      JWT_SECRET: DEV_JWT_SECRET,
      GATEWAY_SIGNING_SECRET: DEV_SIGNING_SECRET,
      RATE_LIMIT_PER_MINUTE: '100000000',
      RATE_LIMIT_MUTATIONS_PER_MINUTE: '100000000',
      APOLLO_TELEMETRY_DISABLED: '1',
      METRICS_PORT: '0', // the gateways' metrics are not read here
    };
    launcher = spawn(process.execPath, [path.join(ROOT, 'scripts/dist/start.js')], {
      env: {
        ...graphEnv,
        DATABASE_URL: server,
        DATABASE_PREFIX: PREFIX,
        PORT: String(gatewayPort),
        TENANTS_PORT: String(tenantsPort),
        COWORKING_PORT: String(coworkingPort),
        GALLERY_PORT: String(galleryPort),
        TENANTS_METRICS_PORT: String(metricsPorts.tenants),
        COWORKING_METRICS_PORT: String(metricsPorts.coworking),
        GALLERY_METRICS_PORT: String(metricsPorts.gallery),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      let out = '';
      launcher!.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('ready in')) resolve();
      });
      launcher!.once('exit', () => reject(new Error(`graph did not start:\n${out}`)));
    });
    const subgraphUrl = {
      tenants: `http://127.0.0.1:${tenantsPort}/graphql`,
      coworking: `http://127.0.0.1:${coworkingPort}/graphql`,
      gallery: `http://127.0.0.1:${galleryPort}/graphql`,
    };
    const subgraphMetricsUrl = {
      tenants: `http://127.0.0.1:${metricsPorts.tenants}/metrics`,
      coworking: `http://127.0.0.1:${metricsPorts.coworking}/metrics`,
      gallery: `http://127.0.0.1:${metricsPorts.gallery}/metrics`,
    };
    // The launcher's gateway has the response cache on (the default). The comparisons use gateways
    // of our own over the same subgraphs without it, with one process and with WORKERS processes.
    const cachedUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
    const startGateway = async (name: string, env: Record<string, string>): Promise<string> => {
      const port = await freePort();
      const child = spawn(process.execPath, [path.join(ROOT, 'gateway', 'dist', 'main.js')], {
        env: {
          ...graphEnv,
          ...env,
          PORT: String(port),
          TENANTS_URL: subgraphUrl.tenants,
          COWORKING_URL: subgraphUrl.coworking,
          GALLERY_URL: subgraphUrl.gallery,
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      extras.push(child);
      await waitForHealth(`http://127.0.0.1:${port}/health`, undefined, 30_000);
      say(`${name} ready on port ${port}`);
      return `http://127.0.0.1:${port}/graphql`;
    };
    const gatewayUrl = await startGateway('our gateway (no response cache)', { RESPONSE_CACHE: 'off' });
    const workersUrl =
      WORKERS > 1
        ? await startGateway(`our gateway (${WORKERS} workers, no response cache)`, { RESPONSE_CACHE: 'off', GATEWAY_WORKERS: String(WORKERS) })
        : undefined;

    // The peer: Hive Gateway on the same supergraph (its subgraph URLs pointed at this run's ports).
    const hivePort = await freePort();
    const supergraphPath = path.join(ROOT, '.data', 'bench-supergraph.graphql');
    writeFileSync(
      supergraphPath,
      readFileSync(path.join(ROOT, 'gateway', 'supergraph.graphql'), 'utf8')
        .replace('http://127.0.0.1:4001/graphql', subgraphUrl.tenants)
        .replace('http://127.0.0.1:4002/graphql', subgraphUrl.coworking)
        .replace('http://127.0.0.1:4003/graphql', subgraphUrl.gallery),
    );
    const hive = spawn(process.execPath, [path.join(ROOT, 'scripts/dist/bench/hive.js')], {
      env: { ...process.env, NODE_ENV: 'production', PORT: String(hivePort), SUPERGRAPH_PATH: supergraphPath },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    extras.push(hive);
    await new Promise<void>((resolve, reject) => {
      hive.stdout!.on('data', (c: Buffer) => c.toString().includes('hive gateway ready') && resolve());
      hive.once('exit', () => reject(new Error('Hive Gateway did not start')));
    });
    const hiveUrl = `http://127.0.0.1:${hivePort}/graphql`;
    say(`Hive Gateway ready: ${hiveUrl}`);

    const runId = newRunId();
    const rows: Row[] = [];
    const cacheRows: CacheRow[] = [];
    for (const scenario of scenarios({ benchSpaceId, exhibitionSlug, runId })) {
      if (args.only && !scenario.name.includes(args.only)) continue;
      let offset = 0;
      // Each measured run gets its own range of request numbers (mutations book distinct slots).
      const next = () => (offset += 100_000);
      const token = (n: number) => (scenario.mutation ? writers[n % writers.length] : readers[n % readers.length]);
      const throughGateway =
        (url: string, anonymous = false) =>
        async () => {
          const base = next();
          return load({
            url,
            connections: CONNECTIONS,
            durationSeconds: DURATION,
            request: (n) => ({
              headers: anonymous ? ({} as Record<string, string>) : { authorization: `Bearer ${token(base + n)}` },
              body: scenario.gatewayBody(base + n),
            }),
            valid: scenario.valid,
          });
        };
      const viaGateway = await measure(scenario, 'gateway', throughGateway(gatewayUrl), subgraphMetricsUrl);
      const viaWorkers = workersUrl ? await measure(scenario, `gateway, ${WORKERS} workers`, throughGateway(workersUrl), subgraphMetricsUrl) : undefined;
      const viaHive = await measure(scenario, 'Hive Gateway', throughGateway(hiveUrl), subgraphMetricsUrl);
      const direct = await measure(
        scenario,
        'direct',
        async () => {
          const base = next();
          return load({
            url: subgraphUrl[scenario.direct],
            connections: CONNECTIONS,
            durationSeconds: DURATION,
            request: (n) => {
              const body = scenario.directBody(base + n);
              const identity = scenario.mutation
                ? writerIdentity(base + n)
                : { sub: `bench-reader-${(base + n) % readers.length}`, roles: ['TENANT' as const] };
              return { headers: signRequest(DEV_SIGNING_SECRET, identity, 'fr', body), body };
            },
            valid: scenario.valid,
          });
        },
        subgraphUrl,
      );
      rows.push({ scenario: scenario.name, gateway: viaGateway, workers: viaWorkers, hive: viaHive, direct });
      say(
        `${scenario.name}: ours ${viaGateway.rps.toFixed(0)} req/s (p99 ${viaGateway.p99} ms), Hive ${viaHive.rps.toFixed(0)} req/s, direct ${direct.rps.toFixed(0)} req/s` +
          ` → ${(viaGateway.rps / viaHive.rps).toFixed(2)}× Hive, ${(viaGateway.rps / direct.rps).toFixed(2)}× the floor`,
      );
      if (!scenario.mutation) {
        // Anonymous readers: the same operation without Authorization, response cache off, then on.
        const uncached = await measure(scenario, 'gateway, anonymous, no response cache', throughGateway(gatewayUrl, true), subgraphMetricsUrl);
        const cached = await measure(scenario, 'gateway, anonymous, response cache', throughGateway(cachedUrl, true), subgraphMetricsUrl);
        cacheRows.push({ scenario: scenario.name, uncached, cached });
        say(
          `${scenario.name}, anonymous: ${uncached.rps.toFixed(0)} req/s without the response cache, ${cached.rps.toFixed(0)} with it (${(cached.rps / uncached.rps).toFixed(1)}×)`,
        );
      }
    }
    report(rows, cacheRows);
  } finally {
    await stop();
  }
}

interface Measured extends LoadResult {
  sqlPerRequest: Record<string, number>;
  fetchesPerRequest: number;
}
interface Row {
  scenario: string;
  gateway: Measured;
  workers?: Measured;
  hive: Measured;
  direct: Measured;
}
interface CacheRow {
  scenario: string;
  uncached: Measured;
  cached: Measured;
}

async function measure(scenario: Scenario, target: string, run: () => Promise<LoadResult>, subgraphs: Record<string, string>): Promise<Measured> {
  say(`${scenario.name} via ${target}: warm-up`);
  await run();
  const results: Measured[] = [];
  for (let i = 1; i <= RUNS; i += 1) {
    const before = await Promise.all(Object.values(subgraphs).map(metrics));
    const result = await run();
    const after = await Promise.all(Object.values(subgraphs).map(metrics));
    const names = Object.keys(subgraphs);
    const total = Math.max(1, result.requests);
    results.push({
      ...result,
      sqlPerRequest: Object.fromEntries(names.map((name, k) => [name, (after[k]!.sql - before[k]!.sql) / total])),
      fetchesPerRequest: names.reduce((sum, _, k) => sum + after[k]!.requests - before[k]!.requests, 0) / total,
    });
    if (result.invalid > 0 || result.errors > 0) say(`  run ${i}: ${result.invalid} wrong answers, ${result.errors} errors`);
  }
  const mid = results.map((r) => r.rps);
  const chosen = results.find((r) => r.rps === median(mid)) ?? results[0]!;
  return {
    ...chosen,
    rps: median(mid),
    p50: median(results.map((r) => r.p50)),
    p99: median(results.map((r) => r.p99)),
    invalid: results.reduce((s, r) => s + r.invalid, 0),
    errors: results.reduce((s, r) => s + r.errors, 0),
  };
}

function report(rows: Row[], cacheRows: CacheRow[]): void {
  const sql = (m: Measured) =>
    Object.entries(m.sqlPerRequest)
      .filter(([, v]) => v > 0)
      .map(([k, v]) => `${k} ${v.toFixed(1)}`)
      .join(', ') || '0';
  const lines = [
    '# Benchmarks',
    '',
    `Generated by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: seed scale ${SCALE}, ${CONNECTIONS} connections, ` +
      `${RUNS} measured runs of ${DURATION} s after a warm-up, medians, on one machine (${os.cpus().length} cores) that also runs ` +
      'the subgraphs, PostgreSQL and the load generator. Every request carries its own `Authorization` header; every answer is ' +
      'checked. All gateways run with NODE_ENV=production over the same subgraphs and supergraph:',
    '',
    '- **our gateway**: `gateway/`, one process, response cache off (signed-in callers never use it anyway);',
    ...(rows.some((r) => r.workers) ? [`- **our gateway, ${WORKERS} workers**: the same with \`GATEWAY_WORKERS=${WORKERS}\` (node cluster);`] : []),
    '- **Hive Gateway**: `@graphql-hive/gateway-runtime` with its default settings, verifying the same tokens and forwarding the ' +
      "caller's identity as headers, signed as ours does (the subgraphs refuse unsigned calls);",
    '- **direct**: the same operation sent straight to the subgraph that answers it, signed as a gateway would: the floor no ' +
      'gateway can beat (for the calendar, only the tenants part: the gateways also call coworking and gallery).',
    '',
    '| scenario | target | req/s | p50 ms | p99 ms | subgraph fetches / req | SQL / req | wrong answers | ÷ Hive | ÷ direct |',
    '|---|---|---:|---:|---:|---:|---|---:|---:|---:|',
  ];
  const line = (r: Row, name: string, m: Measured) =>
    `| ${r.scenario} | ${name} | ${m.rps.toFixed(0)} | ${m.p50} | ${m.p99} | ${m.fetchesPerRequest.toFixed(1)} | ${sql(m)} | ${m.invalid + m.errors} | ${(m.rps / r.hive.rps).toFixed(2)} | ${(m.rps / r.direct.rps).toFixed(2)} |`;
  for (const r of rows) {
    lines.push(line(r, 'our gateway', r.gateway));
    if (r.workers) lines.push(line(r, `our gateway, ${WORKERS} workers`, r.workers));
    lines.push(line(r, 'Hive Gateway', r.hive), line(r, 'direct', r.direct));
  }
  const deduplicated = rows.filter((r) => r.hive.fetchesPerRequest < 0.5).map((r) => r.scenario);
  if (deduplicated.length > 0) {
    lines.push(
      '',
      `**Read this before the Hive ratios.** On ${deduplicated.join(', ')}, Hive Gateway made fewer than one subgraph call per ` +
        'request: it shared in-flight subgraph calls between callers, so those rows compare different work.',
    );
  }
  if (cacheRows.length > 0) {
    lines.push(
      '',
      '## Response cache',
      '',
      'Anonymous readers (no `Authorization` header), the same operations through our gateway with the response cache off and on ' +
        '(in memory; `REDIS_URL` shares it between instances). Cached answers are served without any subgraph call until their ' +
        "max-age (from the subgraphs' cache hints) runs out or a mutation goes through the gateway.",
      '',
      '| scenario | response cache | req/s | p50 ms | p99 ms | subgraph fetches / req | wrong answers | × uncached |',
      '|---|---|---:|---:|---:|---:|---:|---:|',
    );
    for (const c of cacheRows) {
      for (const [name, m] of [
        ['off', c.uncached],
        ['on', c.cached],
      ] as const) {
        lines.push(
          `| ${c.scenario} | ${name} | ${m.rps.toFixed(0)} | ${m.p50} | ${m.p99} | ${m.fetchesPerRequest.toFixed(2)} | ${m.invalid + m.errors} | ${(m.rps / c.uncached.rps).toFixed(1)} |`,
        );
      }
    }
  }
  lines.push(
    '',
    '```mermaid',
    'xychart-beta',
    '  title "Requests per second (median)"',
    `  x-axis [${rows.map((r) => `"${r.scenario.split(' (')[0]}"`).join(', ')}]`,
    '  y-axis "req/s"',
    `  bar [${rows.map((r) => r.direct.rps.toFixed(0)).join(', ')}]`,
    `  bar [${rows.map((r) => r.gateway.rps.toFixed(0)).join(', ')}]`,
    `  bar [${rows.map((r) => r.hive.rps.toFixed(0)).join(', ')}]`,
    '```',
    '',
    'Bars: direct to the subgraph (first), our gateway (second), Hive Gateway with default settings (third).',
    '',
  );
  const text = lines.join('\n');
  mkdirSync(path.join(ROOT, 'docs'), { recursive: true });
  writeFileSync(path.join(ROOT, 'docs', 'benchmarks.md'), text);
  process.stdout.write(`\n${text}\n`);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
