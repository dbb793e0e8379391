import { HEADERS, signRequest, type Identity } from '@maison/auth';
import { DEV_SIGNING_SECRET, type Lang } from '@maison/config';

/**
 * A GraphQL call straight to a listening subgraph, signed as the gateway signs it, with the
 * language and request id the gateway forwards: what reaches a subgraph from the graph.
 */
export async function callSubgraph(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  options: { identity: Identity; lang?: Lang; requestId?: string },
): Promise<{ status: number; body: { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] } }> {
  const body = JSON.stringify({ query, variables });
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...signRequest(DEV_SIGNING_SECRET, options.identity, options.lang ?? 'fr', body),
      ...(options.requestId && { [HEADERS.requestId]: options.requestId }),
    },
    body,
  });
  return { status: response.status, body: (await response.json()) as never };
}
