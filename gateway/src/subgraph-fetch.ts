import http from 'node:http';
import https from 'node:https';

export interface SubgraphAnswer {
  status: number;
  statusText: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * The HTTP client of subgraph calls, on node:http with keep-alive agents. Not the global fetch: when its
 * signal aborts a request in flight, undici keeps the socket open until the server answers, so a
 * subgraph that hangs would collect one socket per timed-out call. Here an abort destroys the
 * request and its socket at once, and the deadline covers the whole answer, body included.
 */
export class SubgraphFetch {
  private readonly agents: { http: http.Agent; https: https.Agent };

  /**
   * Kept-alive sockets idle at most idleMs here, well under the subgraphs' keepAliveTimeout (65 s,
   * kit/http-server.ts): the gateway never sends a request on a socket the subgraph is closing.
   */
  constructor(idleMs = 30_000) {
    this.agents = {
      http: new http.Agent({ keepAlive: true, timeout: idleMs, scheduling: 'lifo' }),
      https: new https.Agent({ keepAlive: true, timeout: idleMs, scheduling: 'lifo' }),
    };
  }

  /** The raw answer of one call: status, headers and body text, within timeoutMs. */
  send(url: string, init: { method?: string; headers: Record<string, string>; body: string }, timeoutMs: number): Promise<SubgraphAnswer> {
    // A timer cleared as soon as the call settles (AbortSignal.timeout would hold it for timeoutMs).
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError')), timeoutMs);
    const { signal } = controller;
    const target = new URL(url);
    const secure = target.protocol === 'https:';
    const headers = { ...init.headers, 'content-length': String(Buffer.byteLength(init.body)) };
    return new Promise<SubgraphAnswer>((resolve, reject) => {
      const fail = (error: unknown) => reject(signal.aborted ? signal.reason : error);
      const request = (secure ? https : http).request(
        target,
        { method: init.method ?? 'POST', headers, agent: secure ? this.agents.https : this.agents.http, signal },
        (response) => {
          const chunks: Buffer[] = [];
          let ended = false;
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            ended = true;
            resolve({
              status: response.statusCode ?? 502,
              statusText: response.statusMessage ?? '',
              headers: response.headers,
              body: Buffer.concat(chunks).toString('utf8'),
            });
          });
          response.on('error', fail);
          response.on('close', () => {
            if (!ended) fail(new Error('connection closed before the answer was complete'));
          });
        },
      );
      request.on('error', fail);
      request.end(init.body);
    }).finally(() => clearTimeout(timer));
  }

  /** Sockets this client holds, busy or pooled. */
  openSockets(): number {
    const count = (sockets: NodeJS.ReadOnlyDict<unknown[]>) => Object.values(sockets).reduce((n, list) => n + (list?.length ?? 0), 0);
    return [this.agents.http, this.agents.https].reduce((n, agent) => n + count(agent.sockets) + count(agent.freeSockets), 0);
  }

  /** Closes every pooled socket (when the gateway stops). */
  destroy(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }
}
