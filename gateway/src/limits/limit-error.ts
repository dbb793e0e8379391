import { GraphQLError } from 'graphql';
import { DEFAULT_LANG, type Lang } from '@maison/config';
import { codeMessage } from '@maison/errors';

export type LimitCode = 'DEPTH_LIMIT_EXCEEDED' | 'ALIAS_LIMIT_EXCEEDED' | 'TOKEN_LIMIT_EXCEEDED' | 'VARIABLES_DEPTH_LIMIT_EXCEEDED' | 'COST_LIMIT_EXCEEDED';

/**
 * An operation refused by one of the gateway's limits, before any subgraph is called (HTTP 400).
 * Validation rules do not know the caller: the message is written in the default language, and
 * formatError writes it again in the caller's (messageIn).
 */
export class LimitError extends GraphQLError {
  constructor(
    readonly code: LimitCode,
    readonly limit: number,
    readonly actual?: number,
  ) {
    super(limitMessage(code, DEFAULT_LANG, limit, actual), {
      extensions: { code, limit, ...(actual !== undefined && { actual }), http: { status: 400 } },
    });
    this.name = 'LimitError';
  }

  /** The message in a language. */
  messageIn(lang: Lang): string {
    return limitMessage(this.code, lang, this.limit, this.actual);
  }
}

const limitMessage = (code: LimitCode, lang: Lang, limit: number, actual: number | undefined): string =>
  codeMessage(code, 'default', lang, { limit, ...(actual !== undefined && { actual }) } as { limit: number; actual: number });
