import type { IncomingHttpHeaders } from 'node:http';
import { Client, type Dispatcher } from 'undici';
import { Call } from './subgraph-call';
import { HttpSubgraphFetch, httpIsTraced } from './subgraph-fetch-http';

export interface SubgraphAnswer {
  status: number;
  statusText: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * The HTTP client of subgraph calls: undici Clients (one socket each) kept per subgraph origin,
 * driven through undici's dispatch handler (no fetch, no stream, no AbortSignal): the client alone
 * costs a quarter of node:http's CPU for a small answer, two thirds for an 80 KB one. Not the global fetch: when its signal aborts a request in flight, it
 * keeps the socket open until the server answers, so a subgraph that hangs would collect one socket
 * per timed-out call. Here a deadline destroys the request's socket at once (undici's abort), and
 * covers the whole answer, body included; a call still waiting for its socket fails at its deadline
 * and is never sent. Not undici's Pool either: it holds a socket back for an event-loop turn after
 * each answer, so calls made right after an answer open one more socket each time.
 *
 * In a process whose http is traced (OTEL_EXPORTER_OTLP_ENDPOINT), calls go through node:http
 * instead (subgraph-fetch-http.ts): its instrumentation makes their client spans and traceparent.
 */
export class SubgraphFetch {
  private readonly origins = new Map<string, Origin>();
  private readonly targets = new Map<string, { origin: Origin; path: string }>();
  private traced: HttpSubgraphFetch | undefined;

  /**
   * Kept-alive sockets idle at most idleMs here, well under the subgraphs' keepAliveTimeout (65 s,
   * kit/http-server.ts): the gateway never sends a request on a socket the subgraph is closing.
   */
  constructor(private readonly idleMs = 30_000) {}

  /** The raw answer of one call: status, headers and body text, within timeoutMs. */
  send(url: string, init: { method?: string; headers: Record<string, string>; body: string }, timeoutMs: number): Promise<SubgraphAnswer> {
    if (httpIsTraced()) return (this.traced ??= new HttpSubgraphFetch(this.idleMs)).send(url, init, timeoutMs);
    const { origin, path } = this.target(url);
    return new Promise<SubgraphAnswer>((resolve, reject) => {
      const client = origin.take();
      const call = new Call(resolve, reject, () => origin.give(client));
      call.timer = setTimeout(() => call.expire(timeoutMs), timeoutMs);
      client.dispatch({ path, method: (init.method ?? 'POST') as Dispatcher.HttpMethod, headers: init.headers, body: init.body }, call);
    });
  }

  /** Sockets this client holds, busy or pooled. */
  openSockets(): number {
    let count = this.traced?.openSockets() ?? 0;
    for (const origin of this.origins.values()) count += origin.openSockets();
    return count;
  }

  /** Closes every pooled socket (when the gateway stops). */
  destroy(): void {
    for (const origin of this.origins.values()) origin.destroy();
    this.traced?.destroy();
    this.origins.clear();
    this.targets.clear();
  }

  /** A subgraph URL's origin and path, parsed once per URL. */
  private target(url: string): { origin: Origin; path: string } {
    let target = this.targets.get(url);
    if (target) return target;
    const { origin: name, pathname, search } = new URL(url);
    let origin = this.origins.get(name);
    if (!origin) this.origins.set(name, (origin = new Origin(name, this.idleMs)));
    target = { origin, path: pathname + search };
    this.targets.set(url, target);
    return target;
  }
}

/**
 * The clients of one origin, each with at most one call at a time (no pipelining): a call takes the
 * client freed last (its socket the warmest), or a new one. A client whose socket closes while idle
 * (idleMs, or the subgraph closing it) is dropped.
 */
class Origin {
  private readonly idle: Client[] = [];
  private readonly clients = new Set<Client>();

  constructor(
    private readonly url: string,
    private readonly idleMs: number,
  ) {}

  take(): Client {
    const client = this.idle.pop();
    if (client) return client;
    // keepAliveMaxTimeout caps the subgraph's own `Keep-Alive: timeout=65` hint, which undici follows.
    // No headers or body timeouts of undici's own: the call's deadline covers both.
    const opened = new Client(this.url, { keepAliveTimeout: this.idleMs, keepAliveMaxTimeout: this.idleMs, headersTimeout: 0, bodyTimeout: 0 });
    opened.on('disconnect', () => {
      const at = this.idle.indexOf(opened);
      if (at === -1) return;
      this.idle.splice(at, 1);
      this.clients.delete(opened);
      void opened.destroy();
    });
    this.clients.add(opened);
    return opened;
  }

  give(client: Client): void {
    if (this.clients.has(client)) this.idle.push(client);
  }

  openSockets(): number {
    let count = 0;
    for (const client of this.clients) if (client.stats.connected) count += 1;
    return count;
  }

  destroy(): void {
    for (const client of this.clients) void client.destroy();
    this.clients.clear();
    this.idle.length = 0;
  }
}
