import http from 'node:http';
import https from 'node:https';
import type { SubgraphAnswer } from './subgraph-fetch';

/**
 * Subgraph calls on node:http with keep-alive agents, for a process whose http is traced: there
 * OpenTelemetry's http instrumentation (packages/telemetry, tracing-sdk.ts) makes each call's client
 * span and writes its traceparent, so a subgraph's spans join the gateway's trace. An abort destroys
 * the request and its socket at once, and the deadline covers the whole answer, body included.
 */
export class HttpSubgraphFetch {
  private readonly agents: { http: http.Agent; https: https.Agent };

  constructor(idleMs: number) {
    this.agents = {
      http: new http.Agent({ keepAlive: true, timeout: idleMs, scheduling: 'lifo' }),
      https: new https.Agent({ keepAlive: true, timeout: idleMs, scheduling: 'lifo' }),
    };
  }

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

  /** Sockets the agents hold, busy or pooled. */
  openSockets(): number {
    const count = (sockets: NodeJS.ReadOnlyDict<unknown[]>) => Object.values(sockets).reduce((n, list) => n + (list?.length ?? 0), 0);
    return [this.agents.http, this.agents.https].reduce((n, agent) => n + count(agent.sockets) + count(agent.freeSockets), 0);
  }

  destroy(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }
}

/** Whether OpenTelemetry's http instrumentation has wrapped node:http in this process (tracing on). */
export const httpIsTraced = (): boolean => Boolean((http.request as { __wrapped?: boolean }).__wrapped);
