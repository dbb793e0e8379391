import { APOLLO_CODES } from './apollo-codes';
import { BAD_USER_INPUT_CODE } from './bad-user-input';
import type { GraphQLCodeEntry } from './code-entry';
import { LIMIT_CODES } from './limit-codes';
import type { Message } from './message';
import { OUTAGE_CODES } from './outage-codes';
import { REQUEST_CODES } from './request-codes';

/** Every extensions.code a client can see, the gateway's and the subgraphs' alike. */
export const GRAPHQL_ERROR_CODES = {
  ...REQUEST_CODES,
  ...BAD_USER_INPUT_CODE,
  ...LIMIT_CODES,
  ...OUTAGE_CODES,
  ...APOLLO_CODES,
} as const satisfies Record<string, GraphQLCodeEntry>;

type Codes = typeof GRAPHQL_ERROR_CODES;
export type GraphQLErrorCode = keyof Codes;

/** The names of a code's messages ('default' and its variants). */
export type MessageKey<C extends GraphQLErrorCode> = keyof Codes[C]['messages'] & string;
export type MessageAt<C extends GraphQLErrorCode, K extends MessageKey<C>> = Extract<Codes[C]['messages'][K], Message>;

/** The values of a code's extensions.reason. */
export type ReasonOf<C extends GraphQLErrorCode> = Codes[C] extends { reasons: infer R } ? keyof R & string : never;
export type ReasonAt<C extends GraphQLErrorCode, R extends ReasonOf<C>> = Codes[C] extends { reasons: infer All }
  ? Extract<All[R & keyof All], Message>
  : never;
