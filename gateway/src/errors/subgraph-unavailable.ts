import { GraphQLError } from 'graphql';
import type { Lang } from '@maison/config';
import { reasonMessage, type ReasonOf } from '@maison/errors';

/** Why a subgraph's data is missing: the `reason` a client reads in extensions (the registry's SUBGRAPH_UNAVAILABLE). */
export type UnavailableReason = ReasonOf<'SUBGRAPH_UNAVAILABLE'>;

/**
 * A subgraph did not answer usably: slower than its timeout, not listening, cut off, a server
 * error (5xx, or a refusal of the gateway's own request), or an answer that is not GraphQL.
 * The other subgraphs' data still arrives; this error names the part that is missing and why.
 * Nothing of the subgraph's URL, status or body reaches the client (the operator's log has them).
 * A subgraph's own GraphQL errors are not this: they reach the client as the subgraph wrote them.
 */
export class SubgraphUnavailableError extends GraphQLError {
  constructor(
    readonly subgraph: string,
    lang: Lang,
    readonly reason: UnavailableReason = 'TIMEOUT',
  ) {
    super(reasonMessage('SUBGRAPH_UNAVAILABLE', reason, lang, { subgraph }), { extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph, reason } });
    this.name = 'SubgraphUnavailableError';
  }
}

/** A subgraph's answer that the gateway cannot use (an HTTP error, or a body that is not GraphQL). */
export class UnusableAnswerError extends Error {
  constructor(
    readonly reason: Extract<UnavailableReason, 'SERVER_ERROR' | 'REQUEST_REFUSED' | 'INVALID_RESPONSE'>,
    readonly response: { url: string; status: number; body: string },
  ) {
    super(`${reason === 'INVALID_RESPONSE' ? 'not GraphQL, HTTP' : 'HTTP'} ${response.status}`);
    this.name = 'UnusableAnswerError';
  }
}

const REFUSED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** The reason a client is told, from the error of a failed call. */
export function unavailableReason(error: unknown): UnavailableReason {
  const e = error as { name?: string; code?: string; cause?: { code?: string } };
  if (error instanceof UnusableAnswerError) return error.reason;
  if (e?.name === 'TimeoutError') return 'TIMEOUT';
  if (REFUSED.has(e?.code ?? e?.cause?.code ?? '')) return 'CONNECTION_REFUSED';
  return 'CONNECTION_LOST';
}

/** Why a call failed, in words for the operator's log. */
export function failureReason(error: unknown): string {
  const e = error as { name?: string; message?: string; code?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError') return 'timeout';
  if (e?.name === 'AbortError') return 'aborted';
  if (error instanceof UnusableAnswerError) return error.message;
  return e?.code ?? e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(error);
}
