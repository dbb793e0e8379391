import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { encodeIdentity, HEADERS, signatureHeaders } from '@maison/auth';
import type { GatewayContext } from './context';

type FetchInit = { body?: string; headers?: Record<string, string> | Headers | string[][]; [key: string]: unknown };

/**
 * Forwards the verified identity and language to a subgraph, signed with HMAC over the identity,
 * the language, a timestamp and the exact body bytes. Nothing the client sent is forwarded.
 */
export class SignedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(options: { url: string; secret: string; timeoutMs: number }) {
    super({
      url: options.url,
      fetcher: ((url: string, init: FetchInit) => {
        const headers = new Headers(init.headers as ConstructorParameters<typeof Headers>[0]);
        const body = init.body ?? '';
        const signed = signatureHeaders(options.secret, headers.get(HEADERS.identity) ?? '', headers.get(HEADERS.lang) ?? 'fr', body);
        for (const [key, value] of Object.entries(signed)) headers.set(key, value);
        return fetch(url, { ...(init as Parameters<typeof fetch>[1]), headers, signal: AbortSignal.timeout(options.timeoutMs) });
      }) as never,
    });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http!.headers;
    if (!('identity' in context) || !context.identity) return;
    headers.set(HEADERS.identity, encodeIdentity(context.identity));
    headers.set(HEADERS.lang, context.lang);
    headers.set(HEADERS.requestId, context.requestId);
  }
}
