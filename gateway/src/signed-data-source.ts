import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { encodeIdentity, HEADERS, signatureHeaders } from '@maison/auth';
import { DEFAULT_LANG } from '@maison/config';
import type { Logger } from '@maison/kit';
import type { GatewayContext } from './context';
import { failureReason, SubgraphUnavailableError } from './errors/subgraph-unavailable';
import { SubgraphFetch } from './subgraph-fetch';

type FetchInit = { body?: string; headers?: Record<string, string> | Headers | string[][]; [key: string]: unknown };

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

  constructor(options: SignedDataSourceOptions) {
    const client = options.client ?? new SubgraphFetch();
    super({
      url: options.url,
      fetcher: ((url: string, init: FetchInit) => {
        const headers = new Headers(init.headers as ConstructorParameters<typeof Headers>[0]);
        const body = init.body ?? '';
        const signed = signatureHeaders(options.secret, headers.get(HEADERS.identity) ?? '', headers.get(HEADERS.lang) ?? 'fr', body);
        for (const [key, value] of Object.entries(signed)) headers.set(key, value);
        return client.fetch(url, { method: String(init.method ?? 'POST'), headers, body }, options.timeoutMs);
      }) as never,
    });
    this.options = options;
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
