import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { signRequest } from '@maison/auth';
import { DEV_SIGNING_SECRET } from '@maison/config';
import { freePort } from '@maison/embedded-db';
import { startBenchGraph } from './bench/bench-graph';
import { calendarFloor } from './bench/floor';
import { numberOption } from './bench/options';
import { benchProcesses, profileFlags, startGatewayProcess, type GatewayTarget } from './bench/gateway-process';
import { load, loadPattern } from './bench/load';
import type { Watched } from './bench/proc-cpu';
import { measurer, type Measuring, type TargetKey } from './bench/measure';
import { renderReport, type RunSettings } from './bench/report';
import type { CacheRow, Measured, Row } from './bench/results';
import { newRunId, scenarios } from './bench/scenarios';
import { identityFor, tokenFor } from './bench/tokens';
import { NODE_FLAGS, ROOT } from './services';

/**
 * `npm run bench`: the graph on a large data set (seed --scale), driven at 50 connections by
 * autocannon, each request with its own Authorization header; a warm-up, then measured runs.
 * Each scenario runs through our gateway, Hive Gateway (JavaScript and Rust planners) and, as the
 * floor no gateway can beat, straight to the subgraphs (./bench/floor.ts for a calendar), reading
 * each process's CPU from /proc. Prints medians, ratios and goals and writes docs/benchmarks.md
 * (a run with --only or --targets writes .data/benchmarks.partial.md instead).
 */
const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: process.env.BENCH_SCALE ?? '100' },
    runs: { type: 'string', default: process.env.BENCH_RUNS ?? '3' },
    duration: { type: 'string', default: process.env.BENCH_DURATION ?? '5' },
    connections: { type: 'string', default: '50' },
    /** Seconds of load each target gets before the measured runs of each scenario (its JIT warm, its caches filled). */
    warmup: { type: 'string', default: process.env.BENCH_WARMUP ?? '8' },
    only: { type: 'string' },
    workers: { type: 'string', default: process.env.BENCH_WORKERS ?? '1' },
    /** Which targets to measure, comma-separated: ours, workers, hive, hive-rust, direct, cache. */
    targets: { type: 'string' },
    /** A checkout of an earlier commit, built, with node_modules/@maison linked to its packages: its gateway is measured too ("before"). */
    baseline: { type: 'string' },
    /** Which gateway runs under `node --cpu-prof` (ours, before, hive-javascript, hive-rust): its profile goes to .data/profiles. */
    profile: { type: 'string' },
    /** Writes docs/benchmarks.md again from the results a run saved (.data/bench-results.json), without measuring. */
    render: { type: 'string' },
  },
});
const TARGETS = new Set((args.targets ?? 'ours,workers,hive,hive-rust,direct,cache').split(',').map((t) => t.trim()));
const SCALE = numberOption('scale', args.scale, 1);
const RUNS = numberOption('runs', args.runs, 1);
const DURATION = numberOption('duration', args.duration, 1);
const CONNECTIONS = numberOption('connections', args.connections, 1);
const WORKERS = numberOption('workers', args.workers, 1);
/**
 * Seconds of the warm-up before each target's measured runs. At 2 s, the first measured run of a
 * scenario was the slow one of every target (what's-on through our gateway: 185 req/s at 2.24 ms of
 * gateway CPU per request, then 308 and 367 at 1.42 and 1.10): its JIT had not finished compiling
 * the scenario's paths. The goals are about a running house, not a process that just started.
 */
const WARMUP = numberOption('warmup', args.warmup, 0);
const say = (m: string) => process.stdout.write(`[bench] ${m}\n`);

/** A subgraph's counters, from its metrics endpoint (METRICS_PORT): the one place the bench reads them. */
async function metrics(url: string): Promise<{ sql: number; requests: number }> {
  const text = await (await fetch(url)).text();
  const value = (name: string) => Number(new RegExp(`^${name}\\{[^}]*\\} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  return { sql: value('maison_sql_statements_total'), requests: value('maison_graphql_requests_total') };
}
const { measure, settle } = measurer({ runs: RUNS, warmupSeconds: WARMUP, durationSeconds: DURATION, counters: metrics, say });

async function main(): Promise<void> {
  if (args.render) {
    const saved = JSON.parse(readFileSync(path.resolve(args.render), 'utf8')) as { settings: RunSettings; rows: Row[]; cacheRows: CacheRow[] };
    return writeReport(saved.settings, saved.rows, saved.cacheRows, args.render.includes('partial'));
  }
  const { children: extras, registerGraph, stop } = benchProcesses();
  try {
    const graph = await startBenchGraph({ scale: SCALE, dataDirName: 'bench-pg', say, registerStop: registerGraph });
    const { server, graphEnv, subgraphUrl, subgraphMetricsUrl, cachedUrl, benchSpaceId, exhibitionSlug } = graph;
    // The launcher's gateway has the response cache on (the default). The comparisons use gateways
    // of our own over the same subgraphs without it, with one process and with WORKERS processes.
    const startGateway = async (name: string, env: Record<string, string>, flags: string[] = [], root = ROOT): Promise<Target> => {
      const gateway = await startGatewayProcess({ name, env: { ...graphEnv, ...env }, subgraphUrl, flags, root, say });
      extras.push(gateway.child);
      return gateway;
    };
    const ours = await startGateway('our gateway (no response cache)', { RESPONSE_CACHE: 'off' }, profileFlags(args.profile, 'ours'));
    const before = args.baseline
      ? await startGateway(
          `our gateway before (${args.baseline})`,
          { RESPONSE_CACHE: 'off' },
          profileFlags(args.profile, 'before'),
          path.resolve(args.baseline),
        )
      : undefined;
    const workers =
      WORKERS > 1 && TARGETS.has('workers')
        ? await startGateway(`our gateway (${WORKERS} workers, no response cache)`, { RESPONSE_CACHE: 'off', GATEWAY_WORKERS: String(WORKERS) })
        : undefined;

    // The peers: Hive Gateway on the same supergraph (its subgraph URLs pointed at this run's ports),
    // with its JavaScript planner and with the Rust one.
    const supergraphPath = path.join(ROOT, '.data', 'bench-supergraph.graphql');
    writeFileSync(
      supergraphPath,
      readFileSync(path.join(ROOT, 'gateway', 'supergraph.graphql'), 'utf8')
        .replace('http://127.0.0.1:4001/graphql', subgraphUrl.tenants)
        .replace('http://127.0.0.1:4002/graphql', subgraphUrl.coworking)
        .replace('http://127.0.0.1:4003/graphql', subgraphUrl.gallery),
    );
    const startHive = async (planner: 'javascript' | 'rust'): Promise<Target> => {
      const port = await freePort();
      const child = spawn(
        process.execPath,
        // The V8 flags of ours: the comparison is of the gateways' code, not of how Node collects their garbage.
        [...NODE_FLAGS, ...profileFlags(args.profile, `hive-${planner}`), path.join(ROOT, 'scripts/dist/bench/hive.js'), '--planner', planner],
        {
          env: { ...process.env, NODE_ENV: 'production', PORT: String(port), SUPERGRAPH_PATH: supergraphPath },
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      extras.push(child);
      await new Promise<void>((resolve, reject) => {
        child.stdout!.on('data', (c: Buffer) => c.toString().includes('hive gateway ready') && resolve());
        child.once('exit', () => reject(new Error(`Hive Gateway (${planner} planner) did not start`)));
      });
      say(`Hive Gateway (${planner} planner) ready on port ${port}`);
      return { url: `http://127.0.0.1:${port}/graphql`, pid: child.pid! };
    };
    const hive = TARGETS.has('hive') ? await startHive('javascript') : undefined;
    const hiveRust = TARGETS.has('hive-rust') ? await startHive('rust') : undefined;

    // The processes whose CPU each run reads: the subgraphs (children of the launcher), PostgreSQL
    // (the postmaster and its backends) and this process, the load generator.
    const subgraphPids = graph.subgraphPids();
    const postmaster = await postmasterPid(server);
    const watched = (gateway?: Target): Watched[] => [
      ...(gateway ? [{ name: 'gateway', pid: gateway.pid }] : []),
      ...Object.entries(subgraphPids).map(([name, pid]) => ({ name, pid })),
      { name: 'postgres', pid: postmaster, tree: true },
      { name: 'load generator', pid: process.pid },
    ];

    await settle(Object.values(subgraphMetricsUrl));
    const runId = newRunId();
    const rows: Row[] = [];
    const cacheRows: CacheRow[] = [];
    for (const scenario of scenarios({ benchSpaceId, exhibitionSlug, runId })) {
      if (args.only && !scenario.name.includes(args.only)) continue;
      let offset = 0;
      // Each measured run gets its own range of request numbers (mutations book distinct slots).
      const next = () => (offset += 100_000);
      const token = (n: number) => tokenFor(scenario.mutation, n);
      const identityOf = (n: number) => identityFor(scenario.mutation, n);
      const throughGateway =
        (url: string, anonymous = false) =>
        async (seconds: number) => {
          const base = next();
          return load({
            url,
            connections: CONNECTIONS,
            durationSeconds: seconds,
            request: (n) => ({
              headers: anonymous ? ({} as Record<string, string>) : { authorization: `Bearer ${token(base + n)}` },
              body: scenario.gatewayBody(base + n),
            }),
            valid: scenario.valid,
          });
        };
      const straight = async (seconds: number) => {
        const base = next();
        const range = scenario.calendar;
        if (range) {
          return loadPattern({
            connections: CONNECTIONS,
            durationSeconds: seconds,
            run: (n) => calendarFloor(subgraphUrl, range, (body) => signRequest(DEV_SIGNING_SECRET, identityOf(base + n), 'fr', body)),
          });
        }
        return load({
          url: subgraphUrl[scenario.direct],
          connections: CONNECTIONS,
          durationSeconds: seconds,
          request: (n) => {
            const body = scenario.directBody(base + n);
            return { headers: signRequest(DEV_SIGNING_SECRET, identityOf(base + n), 'fr', body), body };
          },
          valid: scenario.valid,
        });
      };
      const via = (key: TargetKey, target: Target | undefined, name: string): Measuring[] =>
        target ? [{ key, name, run: throughGateway(target.url), watched: watched(target) }] : [];
      const measured = await measure(scenario, subgraphMetricsUrl, [
        ...via('ours', ours, 'our gateway'),
        ...via('before', before, 'our gateway, before'),
        ...via('workers', workers, `our gateway, ${WORKERS} workers`),
        ...via('hive', hive, 'Hive Gateway'),
        ...via('hiveRust', hiveRust, 'Hive (Rust planner)'),
        ...(TARGETS.has('direct') ? [{ key: 'direct' as const, name: 'direct', run: straight, watched: watched() }] : []),
      ]);
      const row: Row = { scenario: scenario.name, calendar: !!scenario.calendar, ours: measured.ours!, ...measured };
      rows.push(row);
      const ratio = (m?: Measured) => (m ? `${(row.ours.rps / m.rps).toFixed(2)}×` : '–');
      say(
        `${scenario.name}: ours ${row.ours.rps.toFixed(0)} req/s (p99 ${row.ours.p99} ms) → ${ratio(row.hive)} Hive, ${ratio(row.hiveRust)} Hive (Rust planner), ${ratio(row.direct)} the floor`,
      );
      if (!scenario.mutation && TARGETS.has('cache')) {
        // Anonymous readers: the same operation without Authorization, response cache off, then on.
        const anonymous = await measure(scenario, subgraphMetricsUrl, [
          { key: 'uncached', name: 'gateway, anonymous, no response cache', run: throughGateway(ours.url, true), watched: watched(ours) },
          { key: 'cached', name: 'gateway, anonymous, response cache', run: throughGateway(cachedUrl, true), watched: [] },
        ]);
        const [uncached, cached] = [anonymous.uncached!, anonymous.cached!];
        cacheRows.push({ scenario: scenario.name, uncached, cached });
        say(
          `${scenario.name}, anonymous: ${uncached.rps.toFixed(0)} req/s without the response cache, ${cached.rps.toFixed(0)} with it (${(cached.rps / uncached.rps).toFixed(1)}×)`,
        );
      }
    }
    const settings: RunSettings = {
      date: new Date().toISOString().slice(0, 10),
      scale: SCALE,
      connections: CONNECTIONS,
      runs: RUNS,
      durationSeconds: DURATION,
      warmupSeconds: WARMUP,
      cores: os.cpus().length,
      workers: WORKERS,
    };
    const partial = Boolean(args.only || args.targets);
    writeFileSync(path.join(ROOT, '.data', partial ? 'bench-results.partial.json' : 'bench-results.json'), JSON.stringify({ settings, rows, cacheRows }));
    writeReport(settings, rows, cacheRows, partial);
  } finally {
    await stop();
  }
}

/** docs/benchmarks.md (or, for a partial run, .data/benchmarks.partial.md), printed too. */
function writeReport(settings: RunSettings, rows: Row[], cacheRows: CacheRow[], partial: boolean): void {
  const text = renderReport(settings, rows, cacheRows);
  const out = partial ? path.join(ROOT, '.data', 'benchmarks.partial.md') : path.join(ROOT, 'docs', 'benchmarks.md');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, text);
  process.stdout.write(`\n${text}\n\n[bench] written to ${path.relative(ROOT, out)}\n`);
}

type Target = Pick<GatewayTarget, 'url' | 'pid'>;

/** The postmaster of the server at url: the first line of postmaster.pid in its data directory. */
async function postmasterPid(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ setting: string }>(`SELECT setting FROM pg_settings WHERE name = 'data_directory'`);
    return Number(readFileSync(path.join(rows[0]!.setting, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } finally {
    await client.end();
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
