import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';

/**
 * A replay stub in front of one subgraph, for measuring the gateway alone (`npm run bench:gateway`).
 * For each operation (its `query` text and `operationName`), the first call is forwarded to the real
 * subgraph with every header the gateway sent (the signature included) and its answer is recorded:
 * status, Content-Type, Cache-Control (the gateway reads it) and body. Every later call of the same
 * operation gets the recorded answer at once, without reaching the subgraph, whatever its variables:
 * the subgraph and PostgreSQL do no work during the measured runs, so the gateway is the only busy
 * process. Calls that arrive while the first one is still upstream wait for its answer.
 * An answer of 5xx, or no answer, is passed on but not recorded: the next call is forwarded again.
 * `delayMs` holds every answer of an operation that long (a subgraph whose answers take time, such
 * as a write waiting on a lock). Anything that is not a GraphQL POST (/ready, /health) is passed
 * through. GET /__replay/stats answers the counters (ReplayStats) as JSON; POST /__replay/reset
 * forgets the recordings (the harness starts each scenario afresh: the calendars of 7 and of 42 days
 * send the same query text with other dates, and must not get each other's answers).
 *
 * As a process: `node scripts/dist/bench/replay-subgraph.js --upstream <url> [--port <n>] [--delay <ms>]`;
 * it prints `replay stub ready on port <n>` once it listens.
 */
export interface ReplayStats {
  /** GraphQL calls received. */
  received: number;
  /** GraphQL calls answered (received − answered are in flight). */
  answered: number;
  /** GraphQL calls that reached the subgraph (the first of each operation, and those after a failure). */
  forwarded: number;
  /** GraphQL calls answered from a recording. */
  replayed: number;
}

export interface ReplaySubgraph {
  /** This stub's URL for the upstream's path (what the gateway is given as the subgraph's URL). */
  url: string;
  port: number;
  stats(): ReplayStats;
  close(): Promise<void>;
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export const STATS_PATH = '/__replay/stats';
export const RESET_PATH = '/__replay/reset';
/** The answer headers a recording keeps. */
const KEPT = ['content-type', 'cache-control', 'content-encoding'];
/** Request headers not passed on: the connection's own, and the length (recomputed). */
const HOP_BY_HOP = new Set(['host', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'proxy-connection', 'upgrade']);

/** What a call is recorded under: its operation name and query text; undefined for a body that is not a GraphQL request. */
export function replayKey(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { query?: unknown; operationName?: unknown };
    if (typeof parsed?.query !== 'string') return undefined;
    return `${typeof parsed.operationName === 'string' ? parsed.operationName : ''}\n${parsed.query}`;
  } catch {
    return undefined;
  }
}

export async function startReplaySubgraph(options: { upstream: string; port?: number; host?: string; delayMs?: number }): Promise<ReplaySubgraph> {
  const upstream = new URL(options.upstream);
  const delayMs = options.delayMs ?? 0;
  const agent = new http.Agent({ keepAlive: true });
  const recorded = new Map<string, Promise<Answer>>();
  const counts: ReplayStats = { received: 0, answered: 0, forwarded: 0, replayed: 0 };

  const forward = (req: http.IncomingMessage, body: Buffer): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const headers: http.OutgoingHttpHeaders = { host: upstream.host, 'content-length': body.length };
      for (const [name, value] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(name) && value !== undefined) headers[name] = value;
      const call = http.request(new URL(req.url ?? '/', upstream), { method: req.method, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const kept: Record<string, string> = {};
          for (const name of KEPT) if (typeof res.headers[name] === 'string') kept[name] = res.headers[name];
          resolve({ status: res.statusCode ?? 502, headers: kept, body: Buffer.concat(chunks) });
        });
        res.on('error', reject);
      });
      call.on('error', reject);
      call.end(body);
    });

  const send = (res: http.ServerResponse, answer: Answer) => {
    res.writeHead(answer.status, { ...answer.headers, 'content-length': answer.body.length });
    res.end(answer.body);
  };
  const failed = (error: unknown): Answer => ({
    status: 502,
    headers: { 'content-type': 'application/json' },
    body: Buffer.from(JSON.stringify({ errors: [{ message: `replay stub: no answer from ${upstream.origin}: ${(error as Error).message}` }] })),
  });

  const answerGraphql = async (req: http.IncomingMessage, body: Buffer, key: string): Promise<Answer> => {
    let pending = recorded.get(key);
    if (pending) {
      counts.replayed += 1;
    } else {
      counts.forwarded += 1;
      pending = forward(req, body);
      recorded.set(key, pending);
      // Not kept: a failure, or a 5xx (the next call tries the subgraph again).
      pending.then(
        (a) => a.status >= 500 && recorded.delete(key),
        () => recorded.delete(key),
      );
    }
    const answer = await pending.catch(failed);
    if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
    return answer;
  };

  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === STATS_PATH) {
      return send(res, { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(counts)) });
    }
    if (req.method === 'POST' && req.url === RESET_PATH) {
      recorded.clear();
      return send(res, { status: 204, headers: {}, body: Buffer.alloc(0) });
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const key = req.method === 'POST' ? replayKey(body.toString('utf8')) : undefined;
      if (key === undefined) {
        void forward(req, body)
          .catch(failed)
          .then((answer) => send(res, answer));
        return;
      }
      counts.received += 1;
      void answerGraphql(req, body, key).then((answer) => {
        counts.answered += 1;
        send(res, answer);
      });
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}${upstream.pathname}`,
    port,
    stats: () => ({ ...counts }),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}

/** Makes a stub forget its recordings (from another process). */
export async function resetReplay(stubUrl: string): Promise<void> {
  const res = await fetch(new URL(RESET_PATH, stubUrl), { method: 'POST' });
  if (res.status !== 204) throw new Error(`replay stub ${stubUrl}: reset answered ${res.status}`);
}

/** Reads a stub's counters over HTTP (from another process). */
export async function replayStats(stubUrl: string): Promise<ReplayStats> {
  return (await (await fetch(new URL(STATS_PATH, stubUrl))).json()) as ReplayStats;
}

if (require.main === module) {
  const { values } = parseArgs({ options: { upstream: { type: 'string' }, port: { type: 'string', default: '0' }, delay: { type: 'string', default: '0' } } });
  if (!values.upstream) throw new Error('--upstream <url> is required');
  void startReplaySubgraph({ upstream: values.upstream, port: Number(values.port), delayMs: Number(values.delay) }).then((stub) => {
    process.stdout.write(`replay stub ready on port ${stub.port}\n`);
    process.on('SIGTERM', () => void stub.close().then(() => process.exit(0)));
  });
}
