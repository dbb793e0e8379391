import autocannon from 'autocannon';

export interface LoadResult {
  /** Answers received within the duration. */
  requests: number;
  /** Requests sent, those still in flight when the duration ended included: what the servers did. */
  sent: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  invalid: number;
}

/**
 * Drives one endpoint with autocannon: `connections` concurrent keep-alive connections, each
 * request with its own headers and body (so nothing can be deduplicated), every answer checked.
 */
export async function load(options: {
  url: string;
  connections: number;
  durationSeconds: number;
  request: (n: number) => { headers: Record<string, string>; body: string };
  valid: (body: unknown) => boolean;
}): Promise<LoadResult> {
  let n = 0;
  let invalid = 0;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    pipelining: 1,
    requests: [
      {
        method: 'POST',
        setupRequest: (req: Record<string, unknown>) => {
          const { headers, body } = options.request(n++);
          return { ...req, method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body };
        },
        onResponse: (status: number, body: string) => {
          let parsed: unknown;
          try {
            parsed = JSON.parse(body);
          } catch {
            parsed = undefined;
          }
          if (status !== 200 || !options.valid(parsed)) {
            invalid += 1;
            if (invalid === 1 && process.env.BENCH_DEBUG) process.stderr.write(`[bench] first wrong answer (${status}): ${body.slice(0, 400)}\n`);
          }
        },
      },
    ],
  } as unknown as autocannon.Options);
  return {
    requests: result.requests.total,
    sent: n,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    invalid,
  };
}

/**
 * Drives a pattern of several calls (the calendar's floor: tenants, then coworking and gallery in
 * parallel) the way autocannon drives one: `connections` loops, each starting its next pattern
 * when the last one ends, for durationSeconds. `run` resolves whether the answers were right.
 */
export async function loadPattern(options: { connections: number; durationSeconds: number; run: (n: number) => Promise<boolean> }): Promise<LoadResult> {
  const latencies: number[] = [];
  let n = 0;
  let invalid = 0;
  let errors = 0;
  const end = Date.now() + options.durationSeconds * 1000;
  const loop = async () => {
    while (Date.now() < end) {
      const started = performance.now();
      try {
        if (!(await options.run(n++))) invalid += 1;
      } catch (error) {
        errors += 1;
        if (errors === 1 && process.env.BENCH_DEBUG) process.stderr.write(`[bench] first failed pattern: ${(error as Error).message}\n`);
      }
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: options.connections }, loop));
  const sorted = latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  return { requests: sorted.length, sent: sorted.length, rps: sorted.length / options.durationSeconds, p50: at(0.5), p99: at(0.99), errors, invalid };
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
