/**
 * CPU milliseconds per request of each process over one measured run: the difference of two
 * snapshots (./proc-cpu.ts) divided by the requests served. Several runs add up before dividing.
 */
export function cpuPerRequest(runs: { before: Record<string, number>; after: Record<string, number>; requests: number }[]): Record<string, number> {
  const requests = runs.reduce((n, r) => n + r.requests, 0);
  const names = [...new Set(runs.flatMap((r) => Object.keys(r.after)))];
  return Object.fromEntries(names.map((name) => [name, runs.reduce((ms, r) => ms + (r.after[name] ?? 0) - (r.before[name] ?? 0), 0) / Math.max(1, requests)]));
}

/** Everything the machine spent on one request, by all the processes watched. */
export const totalCpuMs = (cpu: Record<string, number>) => Object.values(cpu).reduce((a, b) => a + b, 0);
