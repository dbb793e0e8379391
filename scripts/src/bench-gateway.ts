import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { freePorts } from '@maison/embedded-db';
import { startBenchGraph, SUBGRAPH_NAMES, type SubgraphName } from './bench/bench-graph';
import { renderGatewayAlone, type GatewayAloneRow, type GatewayAloneSettings } from './bench/gateway-alone-table';
import { benchProcesses, profileFlags, startGatewayProcess, type GatewayTarget } from './bench/gateway-process';
import { load } from './bench/load';
import { measurer, type Measuring, type RunResult, type TargetKey } from './bench/measure';
import { replayStats, resetReplay } from './bench/replay-subgraph';
import { numberOption } from './bench/options';
import { newRunId, scenarios } from './bench/scenarios';
import { tokenFor } from './bench/tokens';
import { ROOT } from './services';

/**
 * `npm run bench:gateway`: the gateway's own CPU per request, the subgraphs out of the way. The real
 * graph is started as `npm run bench` starts it (seeded PostgreSQL, subgraphs), then one replay stub
 * per subgraph (./bench/replay-subgraph.ts) in front of it: the first call of each operation goes to
 * the subgraph, every later one is replayed. Our gateway (gateway/dist), and with --baseline the one
 * of another built checkout ("before"), run over the stubs; for each scenario, a warm-up of each,
 * then rounds alternating before and ours. Prints req/s, p99 and the gateway's CPU ms per request
 * (/proc) of each round and the medians, and writes the table to .data/gateway-alone.md.
 */
const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '100' },
    rounds: { type: 'string', default: '4' },
    duration: { type: 'string', default: '6' },
    warmup: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    /** Only the scenarios whose name contains this (scenarios.ts: whats-on, month view, kitchen, exhibition, bookSharedSpace). */
    only: { type: 'string' },
    /**
     * A built checkout of an earlier commit (docs/tuning.md, the baseline recipe): its gateway is
     * measured too, as "before". `bare`: the bare forwarder (./bench/bare-forwarder.ts) instead,
     * on the scenarios one subgraph answers.
     */
    baseline: { type: 'string' },
    /** ours or before: that gateway runs under `node --cpu-prof`, its profile in .data/profiles. */
    profile: { type: 'string' },
    /** Milliseconds each stub holds every answer (a subgraph whose answers take time). */
    delay: { type: 'string', default: '0' },
  },
});
const settings: GatewayAloneSettings = {
  date: `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  scale: numberOption('scale', args.scale, 1),
  connections: numberOption('connections', args.connections, 1),
  rounds: numberOption('rounds', args.rounds, 1),
  durationSeconds: numberOption('duration', args.duration, 1),
  warmupSeconds: numberOption('warmup', args.warmup, 0),
  delayMs: numberOption('delay', args.delay, 0),
  cores: os.cpus().length,
  baseline: args.baseline,
};
/** `--baseline bare`: the bare forwarder as "before". */
const BARE = 'bare';
const say = (m: string) => process.stdout.write(`[bench:gateway] ${m}\n`);

/** A stub's counters once it has answered every call it received (the gateway's requests in flight are done). */
async function stubCounters(url: string): Promise<{ sql: number; requests: number }> {
  for (let i = 0; ; i += 1) {
    const stats = await replayStats(url);
    if (stats.answered === stats.received || i >= 600) return { sql: 0, requests: stats.received };
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** One replay stub process in front of the subgraph at upstream, on port. */
async function startStub(name: SubgraphName, upstream: string, port: number): Promise<ChildProcess> {
  const script = path.join(ROOT, 'scripts/dist/bench/replay-subgraph.js');
  const child = spawn(process.execPath, [script, '--upstream', upstream, '--port', String(port), '--delay', String(settings.delayMs)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => c.toString().includes('replay stub ready') && resolve());
    child.once('exit', () => reject(new Error(`the replay stub of ${name} did not start`)));
  });
  return child;
}

async function main(): Promise<void> {
  if (args.profile && !['ours', 'before'].includes(args.profile)) throw new Error('--profile is ours or before');
  if (args.profile === 'before' && !args.baseline) throw new Error('--profile before needs --baseline');
  const bare = args.baseline === BARE;
  const { children, registerGraph, stop } = benchProcesses();
  try {
    const graph = await startBenchGraph({ scale: settings.scale, dataDirName: 'bench-gateway-pg', say, registerStop: registerGraph });
    const chosen = scenarios({ benchSpaceId: graph.benchSpaceId, exhibitionSlug: graph.exhibitionSlug, runId: newRunId() }).filter(
      (s) => (!args.only || s.name.includes(args.only)) && !(bare && s.calendar),
    );
    if (chosen.length === 0) throw new Error(`no scenario matches --only ${args.only}`);

    const ports = await freePorts(SUBGRAPH_NAMES.length);
    const stubUrl = {} as Record<SubgraphName, string>;
    for (const [i, name] of SUBGRAPH_NAMES.entries()) {
      children.push(await startStub(name, graph.subgraphUrl[name], ports[i]!));
      stubUrl[name] = `http://127.0.0.1:${ports[i]}${new URL(graph.subgraphUrl[name]).pathname}`;
    }
    say(`replay stubs ready (delay ${settings.delayMs} ms): ${SUBGRAPH_NAMES.map((n) => `${n} ${stubUrl[n]}`).join(', ')}`);

    const gatewayEnv = { ...graph.graphEnv, RESPONSE_CACHE: 'off' };
    const startGateway = async (name: string, target: 'ours' | 'before', root = ROOT, script?: string): Promise<GatewayTarget> => {
      const flags = profileFlags(args.profile, target);
      const gateway = await startGatewayProcess({ name, env: gatewayEnv, subgraphUrl: stubUrl, flags, root, script, say });
      children.unshift(gateway.child); // stopped before the stubs it calls
      return gateway;
    };
    const before = bare
      ? await startGateway('before (the bare forwarder)', 'before', ROOT, path.join(ROOT, 'scripts/dist/bench/bare-forwarder.js'))
      : args.baseline
        ? await startGateway(`before (${args.baseline})`, 'before', path.resolve(args.baseline))
        : undefined;
    const ours = await startGateway('ours (gateway/dist)', 'ours');

    const rounds = new Map<TargetKey, RunResult[]>();
    const { measure, settle } = measurer({
      runs: settings.rounds,
      warmupSeconds: settings.warmupSeconds,
      durationSeconds: settings.durationSeconds,
      counters: stubCounters,
      say,
      onRun: (key, run) => rounds.get(key)!.push(run),
    });
    await settle(Object.values(stubUrl));
    const rows: GatewayAloneRow[] = [];
    for (const scenario of chosen) {
      // Recordings are per scenario: two scenarios may send the same query text with other variables.
      await Promise.all(Object.values(stubUrl).map(resetReplay));
      let offset = 0;
      const through =
        (gateway: GatewayTarget) =>
        (seconds: number): ReturnType<typeof load> => {
          const base = (offset += 100_000); // each run its own request numbers (distinct booking slots, tokens)
          return load({
            url: gateway.url,
            connections: settings.connections,
            durationSeconds: seconds,
            request: (n) => ({ headers: { authorization: `Bearer ${tokenFor(scenario.mutation, base + n)}` }, body: scenario.gatewayBody(base + n) }),
            valid: scenario.valid,
          });
        };
      const targets: Measuring[] = [
        ...(before ? [{ key: 'before' as const, name: 'before', run: through(before), watched: [{ name: 'gateway', pid: before.pid }] }] : []),
        { key: 'ours', name: 'ours', run: through(ours), watched: [{ name: 'gateway', pid: ours.pid }] },
      ];
      for (const t of targets) rounds.set(t.key, []);
      const measured = await measure(scenario, stubUrl, targets);
      for (const t of targets) {
        rows.push({
          scenario: scenario.name,
          target: t.key as 'before' | 'ours',
          rounds: rounds.get(t.key)!,
          fetchesPerRequest: measured[t.key]!.fetchesPerRequest,
        });
      }
    }
    const stubs = await Promise.all(SUBGRAPH_NAMES.map(async (name) => `${name} ${JSON.stringify(await replayStats(stubUrl[name]))}`));
    say(`replay stubs: ${stubs.join('; ')}`);
    const text = renderGatewayAlone(settings, rows);
    const out = path.join(ROOT, '.data', 'gateway-alone.md');
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, `${text}\n`);
    process.stdout.write(`\n${text}\n\n`);
    say(`written to ${path.relative(ROOT, out)}`);
    const wrong = rows.reduce((n, row) => n + row.rounds.reduce((m, r) => m + r.invalid + r.errors, 0), 0);
    if (wrong > 0) {
      say(`${wrong} wrong answers or errors: these numbers are not the gateway's normal work (BENCH_DEBUG=1 prints the first)`);
      process.exitCode = 1;
    }
  } finally {
    const started = Date.now();
    await stop();
    if (args.profile) say(`profiles written: ${newProfiles(started).join(', ') || 'none'}`);
  }
}

/** The .cpuprofile files of .data/profiles written since `since` (the profiled gateway writes its own as it exits). */
function newProfiles(since: number): string[] {
  const dir = path.join(ROOT, '.data', 'profiles');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile') && statSync(path.join(dir, f)).mtimeMs >= since)
    .map((f) => path.relative(ROOT, path.join(dir, f)));
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
