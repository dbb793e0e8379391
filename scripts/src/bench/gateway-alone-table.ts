import { median } from './load';
import type { RunResult } from './measure';

/** How a gateway-alone run was made (the heading of its table). */
export interface GatewayAloneSettings {
  date: string;
  scale: number;
  connections: number;
  rounds: number;
  durationSeconds: number;
  warmupSeconds: number;
  delayMs: number;
  cores: number;
  /** The built checkout measured as "before", if any. */
  baseline?: string;
}

/** One gateway's rounds of one scenario. */
export interface GatewayAloneRow {
  scenario: string;
  target: 'before' | 'ours';
  rounds: RunResult[];
  /** Calls the replay stubs received per request (the gateway's subgraph fetches). */
  fetchesPerRequest: number;
}

const gatewayMs = (r: RunResult) => r.cpuMsPerRequest.gateway ?? 0;
export const medianGatewayMs = (row: GatewayAloneRow) => median(row.rounds.map(gatewayMs));

/** The change from before to ours of one scenario's median gateway CPU per request, e.g. "0.94 → 0.73 (−22 %)". */
export function change(before: GatewayAloneRow, ours: GatewayAloneRow): string {
  const [a, b] = [medianGatewayMs(before), medianGatewayMs(ours)];
  const percent = a > 0 ? Math.round(((b - a) / a) * 100) : 0;
  return `${a.toFixed(2)} → ${b.toFixed(2)} (${percent > 0 ? '+' : percent < 0 ? '−' : '±'}${Math.abs(percent)} %)`;
}

/** The markdown table of a run: each target's rounds, medians and, with a baseline, before → ours per scenario. */
export function renderGatewayAlone(settings: GatewayAloneSettings, rows: GatewayAloneRow[]): string {
  const s = settings;
  const lines = [
    '# The gateway alone (`npm run bench:gateway`)',
    '',
    `${s.date}: seed scale ${s.scale}, ${s.connections} connections, ${s.rounds} rounds of ${s.durationSeconds} s per target after ${s.warmupSeconds} s of warm-up, ` +
      `replay delay ${s.delayMs} ms, ${s.cores} cores${s.baseline ? `; before = ${s.baseline}` : ''}. ` +
      'Each subgraph is a replay stub (its first call of each operation forwarded, the rest replayed), so the gateway is the only busy process. ' +
      'Gateway CPU is utime + stime from /proc per request sent; these numbers are the gateway alone, not the goals of docs/benchmarks.md.',
    '',
    '| scenario | target | req/s | p99 ms | gateway CPU ms/request, by round | median | subgraph calls/request | wrong answers | errors |',
    '|---|---|---:|---:|---|---:|---:|---:|---:|',
  ];
  for (const row of rows) {
    const r = row.rounds;
    lines.push(
      `| ${row.scenario} | ${row.target} | ${median(r.map((x) => x.rps)).toFixed(0)} | ${median(r.map((x) => x.p99)).toFixed(0)} | ` +
        `${r.map((x) => gatewayMs(x).toFixed(2)).join(', ')} | ${medianGatewayMs(row).toFixed(2)} | ${row.fetchesPerRequest.toFixed(2)} | ` +
        `${r.reduce((n, x) => n + x.invalid, 0)} | ${r.reduce((n, x) => n + x.errors, 0)} |`,
    );
  }
  const pairs = [...new Set(rows.map((r) => r.scenario))]
    .map((scenario) => [rows.find((r) => r.scenario === scenario && r.target === 'before'), rows.find((r) => r.scenario === scenario && r.target === 'ours')])
    .filter((pair): pair is [GatewayAloneRow, GatewayAloneRow] => Boolean(pair[0] && pair[1]));
  if (pairs.length > 0) {
    lines.push('', 'Gateway CPU ms per request, median, before → ours:', '');
    for (const [before, ours] of pairs) lines.push(`- ${ours.scenario}: ${change(before, ours)}`);
  }
  return lines.join('\n');
}
