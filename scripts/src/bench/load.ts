import autocannon from 'autocannon';

export interface LoadResult {
  requests: number;
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
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    invalid,
  };
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
