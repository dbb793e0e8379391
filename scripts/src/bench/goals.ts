import { totalCpuMs } from './cpu-table';
import type { Measured, Row } from './results';

/**
 * The goals of issue 15, each a ratio or a percentile of one run: our gateway ≥ 1.25× Hive Gateway
 * with the Rust planner on every scenario; ≥ 0.8× the direct floor on a single-subgraph scenario and
 * ≥ 0.6× the three-call floor on a calendar; p99 under 250 ms at 50 connections.
 */
export const GOALS = { overHiveRust: 1.25, ofSingleFloor: 0.8, ofCalendarFloor: 0.6, p99Ms: 250 } as const;

export interface GoalResult {
  goal: string;
  scenario: string;
  /** What was measured: a ratio, or milliseconds. */
  actual: number;
  target: number;
  met: boolean;
  /** By how much it is met or missed, in words ("+12 %", "−40 ms"). */
  margin: string;
  /**
   * For a ratio: the same ratio from CPU per request instead of req/s (the peer's total CPU per
   * request over ours), what the machine would give each if it did nothing else: steadier than
   * req/s on a machine shared with other work.
   */
  cpuRatio?: number;
  /** Where a goal is missed: what the CPU table shows. */
  why?: string;
}

const percent = (actual: number, target: number) => {
  const p = Math.round((actual / target - 1) * 100);
  return `${p >= 0 ? '+' : '−'}${Math.abs(p)} %`;
};

const cpuOf = (m: Measured, process: string) => m.cpuMsPerRequest[process] ?? 0;
const cpuRatio = (ours: Measured, peer: Measured) => {
  const [a, b] = [cpuTotal(ours), cpuTotal(peer)];
  return a > 0 && b > 0 ? { cpuRatio: b / a } : {};
};
const ms = (v: number) => `${v.toFixed(2)} ms`;

/** The CPU table's reading of a missed ratio: which process spends more per request than its peer. */
function whyRatio(r: Row, peer: Measured, peerName: string): string {
  const ours = cpuOf(r.ours, 'gateway');
  const theirs = cpuOf(peer, 'gateway');
  const subgraphs = (m: Measured) => Object.entries(m.cpuMsPerRequest).reduce((s, [k, v]) => (k === 'gateway' || k === 'load generator' ? s : s + v), 0);
  const gateway = peerName === 'direct' ? `our gateway's own ${ms(ours)}` : `our gateway ${ms(ours)} vs ${peerName} ${ms(theirs)}`;
  return `CPU per request: ${gateway}; subgraphs and PostgreSQL ${ms(subgraphs(r.ours))} behind ours vs ${ms(subgraphs(peer))} behind ${peerName}`;
}

export function evaluateGoals(rows: Row[]): GoalResult[] {
  const results: GoalResult[] = [];
  for (const r of rows) {
    if (r.hiveRust) {
      const actual = r.ours.rps / r.hiveRust.rps;
      const met = actual >= GOALS.overHiveRust;
      results.push({
        goal: `≥ ${GOALS.overHiveRust}× Hive (Rust planner)`,
        scenario: r.scenario,
        actual,
        target: GOALS.overHiveRust,
        met,
        margin: percent(actual, GOALS.overHiveRust),
        ...cpuRatio(r.ours, r.hiveRust),
        ...(met ? {} : { why: whyRatio(r, r.hiveRust, 'Hive (Rust)') }),
      });
    }
    if (r.direct) {
      const target = r.calendar ? GOALS.ofCalendarFloor : GOALS.ofSingleFloor;
      const actual = r.ours.rps / r.direct.rps;
      const met = actual >= target;
      results.push({
        goal: `≥ ${target}× the ${r.calendar ? 'three-call' : 'direct'} floor`,
        scenario: r.scenario,
        actual,
        target,
        met,
        margin: percent(actual, target),
        ...cpuRatio(r.ours, r.direct),
        ...(met ? {} : { why: whyRatio(r, r.direct, 'direct') }),
      });
    }
    const p99 = r.ours.p99;
    const met = p99 < GOALS.p99Ms;
    const diff = Math.round(GOALS.p99Ms - p99);
    results.push({
      goal: `p99 < ${GOALS.p99Ms} ms`,
      scenario: r.scenario,
      actual: p99,
      target: GOALS.p99Ms,
      met,
      margin: `${diff >= 0 ? `${diff} ms to spare` : `${-diff} ms over`}`,
      ...(met
        ? {}
        : {
            why: `median ${r.ours.p50} ms at ${Math.round(r.ours.rps)} req/s: the queue of 50 connections on a machine busy at ${ms(cpuTotal(r.ours))} of CPU per request${floorP99(r)}`,
          }),
    });
  }
  return results;
}

const cpuTotal = (m: Measured) => totalCpuMs(m.cpuMsPerRequest);

/** The direct floor's p99 in the same run, where there is one: whether the subgraphs alone, with no gateway, stay under the goal on this machine. */
const floorP99 = (r: Row) =>
  r.direct ? `; the floor, with no gateway at all, ${r.direct.p99 < GOALS.p99Ms ? 'stays under it' : 'misses it too'} (p99 ${r.direct.p99} ms)` : '';
