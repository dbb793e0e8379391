import { GraphQLError } from 'graphql';
import type { Lang } from '@maison/config';
import { gatewayMessage } from './messages';

/**
 * A subgraph did not answer usably: down, slower than its timeout, or an HTTP error. The other
 * subgraphs' data still arrives; this error names the part that is missing. Nothing of the
 * subgraph's URL, status or body reaches the client (the operator's log has them).
 */
export class SubgraphUnavailableError extends GraphQLError {
  constructor(readonly subgraph: string, lang: Lang) {
    super(gatewayMessage('SUBGRAPH_UNAVAILABLE', lang, { subgraph }), { extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph } });
    this.name = 'SubgraphUnavailableError';
  }
}

/** Why a call failed, in words for the operator's log. */
export function failureReason(error: unknown): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string }; extensions?: { response?: { status?: number } } };
  if (e?.name === 'TimeoutError') return 'timeout';
  if (e?.name === 'AbortError') return 'aborted';
  if (e?.extensions?.response?.status) return `HTTP ${e.extensions.response.status}`;
  return e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(error);
}
