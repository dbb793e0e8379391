import { GraphQLError } from 'graphql';
import type { Lang } from '@maison/config';
import { GRAPHQL_ERROR_CODES, type GraphQLErrorCode, type MessageAt, type MessageKey, type ReasonAt, type ReasonOf } from './registry/graphql-error-codes';
import { render, type Message, type ParamsArg, type ParamValue } from './registry/message';

type Params = Readonly<Record<string, ParamValue>>;
type Messages = Readonly<Record<string, Message>>;

const messageOf = (code: GraphQLErrorCode, key: string, lang: Lang, params?: Params): string =>
  render((GRAPHQL_ERROR_CODES[code].messages as Messages)[key]!, lang, params);

/** A message of a code, by name ('default' or a variant), in the caller's language. */
export function codeMessage<C extends GraphQLErrorCode, K extends MessageKey<C>>(code: C, key: K, lang: Lang, ...[params]: ParamsArg<MessageAt<C, K>>): string {
  return messageOf(code, key, lang, params as Params | undefined);
}

/** The message of a value of extensions.reason, in the caller's language. */
export function reasonMessage<C extends GraphQLErrorCode, R extends ReasonOf<C>>(
  code: C,
  reason: R,
  lang: Lang,
  ...[params]: ParamsArg<ReasonAt<C, R>>
): string {
  const reasons = (GRAPHQL_ERROR_CODES[code] as { reasons?: Messages }).reasons ?? {};
  return render(reasons[reason]!, lang, params as Params | undefined);
}

/** A GraphQL error with its code and one of its messages, in the caller's language. */
export function graphqlError<C extends GraphQLErrorCode, K extends MessageKey<C>>(
  code: C,
  key: K,
  lang: Lang,
  ...[params]: ParamsArg<MessageAt<C, K>>
): GraphQLError {
  return new GraphQLError(messageOf(code, key, lang, params as Params | undefined), { extensions: { code } });
}

export const unauthenticated = (lang: Lang): GraphQLError => graphqlError('UNAUTHENTICATED', 'default', lang);

export const forbidden = (lang: Lang, key: MessageKey<'FORBIDDEN'> = 'default'): GraphQLError =>
  new GraphQLError(messageOf('FORBIDDEN', key, lang), { extensions: { code: 'FORBIDDEN' } });

/** BAD_USER_INPUT with one of its messages: badUserInput(lang, 'WINDOW_TOO_LONG', { days: 92 }). */
export function badUserInput<K extends MessageKey<'BAD_USER_INPUT'>>(lang: Lang, key: K, ...[params]: ParamsArg<MessageAt<'BAD_USER_INPUT', K>>): GraphQLError {
  return new GraphQLError(messageOf('BAD_USER_INPUT', key, lang, params as Params | undefined), { extensions: { code: 'BAD_USER_INPUT' } });
}

/** SERVICE_UNAVAILABLE: the one shape of a write refused because the shared-space ledger could not be used; nothing was saved. */
export function serviceUnavailable(reason: ReasonOf<'SERVICE_UNAVAILABLE'>, lang: Lang): GraphQLError {
  return new GraphQLError(reasonMessage('SERVICE_UNAVAILABLE', reason, lang), { extensions: { code: 'SERVICE_UNAVAILABLE', reason } });
}
