import { GraphQLError } from 'graphql';
import { codeMessage } from '@maison/errors';
import { currentLang } from '../request-scope';

export type LimitCode = 'DEPTH_LIMIT_EXCEEDED' | 'ALIAS_LIMIT_EXCEEDED' | 'TOKEN_LIMIT_EXCEEDED' | 'VARIABLES_DEPTH_LIMIT_EXCEEDED' | 'COST_LIMIT_EXCEEDED';

/** An operation refused by one of the gateway's limits, before any subgraph is called (HTTP 400). */
export class LimitError extends GraphQLError {
  constructor(
    readonly code: LimitCode,
    readonly limit: number,
    readonly actual?: number,
  ) {
    super(codeMessage(code, 'default', currentLang(), { limit, ...(actual !== undefined && { actual }) } as { limit: number; actual: number }), {
      extensions: { code, limit, ...(actual !== undefined && { actual }), http: { status: 400 } },
    });
    this.name = 'LimitError';
  }
}
