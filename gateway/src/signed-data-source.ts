import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLRequest, GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError } from 'graphql';
import { encodeIdentity, HEADERS, signatureHeaders } from '@maison/auth';
import { DEFAULT_LANG } from '@maison/config';
import type { Logger } from '@maison/kit';
import type { GatewayContext } from './context';
import { failureReason, SubgraphUnavailableError } from './errors/subgraph-unavailable';
import { SubgraphFetch } from './subgraph-fetch';

export interface SignedDataSourceOptions {
  name: string;
  url: string;
  secret: string;
  timeoutMs: number;
  /** The HTTP client the calls go through (shared by the subgraphs of one gateway). */
  client?: SubgraphFetch;
  log?: Logger;
}

/**
 * Forwards the verified identity and language to a subgraph, signed with HMAC over the identity,
 * the language, a timestamp and the exact body bytes. Nothing the client sent is forwarded.
 *
 * Every call has a deadline: headers and body must arrive within timeoutMs, or the call is aborted,
 * its socket closed (SubgraphFetch), and the failure becomes SUBGRAPH_UNAVAILABLE. Calls are never
 * retried, so a mutation reaches its subgraph at most once.
 */
export class SignedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly options: SignedDataSourceOptions;
  private readonly client: SubgraphFetch;

  constructor(options: SignedDataSourceOptions) {
    super({ url: options.url });
    this.options = options;
    this.client = options.client ?? new SubgraphFetch();
    // sendRequest is private in the typings of RemoteGraphQLDataSource; process() calls it.
    Object.defineProperty(this, 'sendRequest', { value: this.sendSigned.bind(this) });
  }

  /**
   * One subgraph call, straight on the HTTP client: the body, its signature, the JSON answer. The
   * inherited version builds a node-fetch Request and a WHATWG Response around every call, a
   * sizeable share of the gateway's CPU; this keeps only what the gateway reads back, the answer
   * and its Cache-Control header, and fails the same way on any non-2xx status.
   */
  private async sendSigned(request: GatewayGraphQLRequest, context: GatewayContext): Promise<GatewayGraphQLResponse> {
    const { http, ...operation } = request;
    if (!http) throw new Error("Internal error: Only 'http' requests are supported.");
    const body = JSON.stringify(operation);
    const headers: Record<string, string> = {};
    for (const [key, value] of http.headers) headers[key] = value;
    Object.assign(headers, signatureHeaders(this.options.secret, headers[HEADERS.identity] ?? '', headers[HEADERS.lang] ?? 'fr', body));
    try {
      const answer = await this.client.send(http.url, { method: http.method, headers, body }, this.options.timeoutMs);
      if (answer.status < 200 || answer.status >= 300) {
        throw new GraphQLError(`${answer.status}: ${answer.statusText}`, { extensions: { response: { url: http.url, status: answer.status, statusText: answer.statusText, body: answer.body.slice(0, 2000) } } });
      }
      const parsed: unknown = JSON.parse(answer.body);
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`Expected JSON response body, but received: ${answer.body.slice(0, 200)}`);
      const cacheControl = answer.headers['cache-control'];
      const responseHeaders = { get: (name: string) => (name.toLowerCase() === 'cache-control' ? (cacheControl ?? null) : null) };
      return { ...(parsed as GatewayGraphQLResponse), http: { headers: responseHeaders } as never };
    } catch (error) {
      this.didEncounterError(error as Error, undefined as never, undefined, context);
      throw error;
    }
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http!.headers;
    if (!('identity' in context) || !context.identity) return;
    headers.set(HEADERS.identity, encodeIdentity(context.identity));
    headers.set(HEADERS.lang, context.lang);
    headers.set(HEADERS.requestId, context.requestId);
  }

  override didEncounterError(error: Error, _request: unknown, _response: unknown, context?: GatewayContext): void {
    const { name, timeoutMs, log } = this.options;
    log?.warn('subgraph call failed', {
      requestId: context?.requestId,
      subgraph: name,
      reason: failureReason(error),
      timeoutMs,
      error,
      response: (error as { extensions?: { response?: unknown } }).extensions?.response,
    });
    throw new SubgraphUnavailableError(name, context?.lang ?? DEFAULT_LANG);
  }
}
