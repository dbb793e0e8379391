import { cpuPerRequest } from './cpu-table';
import { median, type LoadResult } from './load';
import { cpuSnapshot, type Watched } from './proc-cpu';
import type { Measured } from './results';
import type { Scenario } from './scenarios';

export type TargetKey = 'ours' | 'before' | 'workers' | 'hive' | 'hiveRust' | 'direct' | 'uncached' | 'cached';
export interface Measuring {
  key: TargetKey;
  name: string;
  run: (seconds: number) => Promise<LoadResult>;
  watched: Watched[];
}

/** How the bench measures: its runs, and where it reads a subgraph's counters (one function in bench.ts). */
export interface MeasureOptions {
  runs: number;
  warmupSeconds: number;
  durationSeconds: number;
  counters: (url: string) => Promise<{ sql: number; requests: number }>;
  say: (message: string) => void;
  /** Called after each measured run with its result and the CPU ms per request of each watched process in that run. */
  onRun?: (key: TargetKey, run: RunResult) => void;
}

/** One measured run of one target. */
export interface RunResult extends LoadResult {
  cpuMsPerRequest: Record<string, number>;
}

export function measurer(options: MeasureOptions) {
  /** Until the subgraphs' counters stay still for stillFor × 200 ms (the reconcilers' boot rounds call tenants). */
  async function settle(urls: string[], stillFor = 5): Promise<void> {
    const snapshot = async () => JSON.stringify(await Promise.all(urls.map(options.counters)));
    let last = await snapshot();
    for (let still = 0, i = 0; still < stillFor && i < 300; i += 1) {
      await new Promise((r) => setTimeout(r, 200));
      const now = await snapshot();
      still = now === last ? still + 1 : 0;
      last = now;
    }
  }

  /**
   * The targets of one scenario: a warm-up of each, then RUNS rounds in which every target runs once,
   * each round starting with the next target (on a shared machine whose speed drifts, no target is
   * always measured first or last). After each run the bench waits for the requests still in flight
   * to end before reading the counters and CPU, and divides by the requests sent.
   */
  async function measure(scenario: Scenario, subgraphs: Record<string, string>, targets: Measuring[]): Promise<Partial<Record<TargetKey, Measured>>> {
    for (const t of targets) {
      options.say(`${scenario.name} via ${t.name}: warm-up`);
      await t.run(options.warmupSeconds);
    }
    const names = Object.keys(subgraphs);
    const results = new Map<TargetKey, Omit<Measured, 'cpuMsPerRequest'>[]>(targets.map((t) => [t.key, []]));
    const cpu = new Map<TargetKey, Parameters<typeof cpuPerRequest>[0]>(targets.map((t) => [t.key, []]));
    for (let i = 0; i < options.runs; i += 1) {
      for (let k = 0; k < targets.length; k += 1) {
        const t = targets[(i + k) % targets.length]!;
        await settle(Object.values(subgraphs), 2);
        const before = await Promise.all(Object.values(subgraphs).map(options.counters));
        const cpuBefore = cpuSnapshot(t.watched);
        const result = await t.run(options.durationSeconds);
        await settle(Object.values(subgraphs), 2);
        const cpuAfter = cpuSnapshot(t.watched);
        const after = await Promise.all(Object.values(subgraphs).map(options.counters));
        const sent = Math.max(1, result.sent);
        const runCpu = { before: cpuBefore, after: cpuAfter, requests: sent };
        cpu.get(t.key)!.push(runCpu);
        const runCpuMs = cpuPerRequest([runCpu]);
        options.onRun?.(t.key, { ...result, cpuMsPerRequest: runCpuMs });
        results.get(t.key)!.push({
          ...result,
          sqlPerRequest: Object.fromEntries(names.map((name, j) => [name, (after[j]!.sql - before[j]!.sql) / sent])),
          fetchesPerRequest: names.reduce((sum, _, j) => sum + after[j]!.requests - before[j]!.requests, 0) / sent,
        });
        options.say(
          `  ${t.name}, run ${i + 1}: ${result.rps.toFixed(0)} req/s, p99 ${result.p99} ms${runCpuMs.gateway !== undefined ? `, gateway ${runCpuMs.gateway.toFixed(2)} ms CPU/request` : ''}${result.invalid + result.errors > 0 ? `, ${result.invalid} wrong answers, ${result.errors} errors` : ''}`,
        );
      }
    }
    return Object.fromEntries(
      targets.map((t) => {
        const runs = results.get(t.key)!;
        const mid = median(runs.map((r) => r.rps));
        const chosen = runs.find((r) => r.rps === mid) ?? runs[0]!;
        const combined: Measured = {
          ...chosen,
          rps: mid,
          p50: median(runs.map((r) => r.p50)),
          p99: median(runs.map((r) => r.p99)),
          invalid: runs.reduce((s, r) => s + r.invalid, 0),
          errors: runs.reduce((s, r) => s + r.errors, 0),
          cpuMsPerRequest: cpuPerRequest(cpu.get(t.key)!),
        };
        return [t.key, combined];
      }),
    );
  }

  return { settle, measure };
}
