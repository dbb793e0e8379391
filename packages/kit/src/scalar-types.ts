import { GraphQLError, GraphQLScalarType, type GraphQLFormattedError } from 'graphql';
import { DEFAULT_LANG, LANGS, type Lang } from '@maison/config';
import { codeMessage } from '@maison/errors';
import { DATE_TIME_RULE, literalValue, LOCAL_DATE_RULE, toHouseIso, type ScalarRule } from '@maison/house';

/**
 * A value a subgraph's scalar refuses: BAD_USER_INPUT (the gateway has usually answered it first).
 * A scalar is parsed with no request at hand, so the message is written in every language, the
 * house's default as the error's own; formatError puts the caller's in (scalarMessageIn).
 */
export class BadScalarValueError extends GraphQLError {
  readonly messages: Record<Lang, string>;

  constructor(scalar: string, problem: Record<Lang, string>) {
    const messages = Object.fromEntries(
      LANGS.map((lang) => [lang, codeMessage('BAD_USER_INPUT', 'SCALAR_VALUE', lang, { scalar, problem: problem[lang] })]),
    ) as Record<Lang, string>;
    super(messages[DEFAULT_LANG], { extensions: { code: 'BAD_USER_INPUT' } });
    this.name = 'BadScalarValueError';
    this.messages = messages;
  }
}

/**
 * The formatted error in lang when a scalar's refusal is in it: GraphQL.js quotes the refusal's
 * message in its own ('Variable "$on" got invalid value …; <message>'), which gets lang's instead;
 * Apollo Server may wrap that error once more, so the refusal is looked for a few causes deep.
 */
export function scalarMessageIn(formatted: GraphQLFormattedError, error: unknown, lang: Lang): GraphQLFormattedError {
  if (lang === DEFAULT_LANG) return formatted;
  let cause = error;
  for (let depth = 0; depth < 4 && cause instanceof Error && !(cause instanceof BadScalarValueError); depth += 1) {
    cause = (cause as GraphQLError).originalError;
  }
  if (!(cause instanceof BadScalarValueError)) return formatted;
  return { ...formatted, message: formatted.message.replace(cause.messages[DEFAULT_LANG], cause.messages[lang]) };
}

/** A subgraph's parse of a rule: the value, or a BadScalarValueError. */
function parsed<T>(rule: ScalarRule<T>, value: unknown): T {
  const result = rule.parse(value);
  if ('problem' in result) throw new BadScalarValueError(rule.name, result.problem);
  return result.value;
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: DATE_TIME_RULE.name,
  description: DATE_TIME_RULE.description,
  serialize(value) {
    const date = value instanceof Date ? value : new Date(value as string);
    if (Number.isNaN(date.getTime())) throw new GraphQLError('DateTime cannot represent an invalid date');
    return toHouseIso(date);
  },
  parseValue: (value) => parsed(DATE_TIME_RULE, value),
  parseLiteral: (ast) => parsed(DATE_TIME_RULE, literalValue(ast)),
});

export const LocalDateScalar = new GraphQLScalarType<string, string>({
  name: LOCAL_DATE_RULE.name,
  description: LOCAL_DATE_RULE.description,
  serialize(value) {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return parsed(LOCAL_DATE_RULE, value);
  },
  parseValue: (value) => parsed(LOCAL_DATE_RULE, value),
  parseLiteral: (ast) => parsed(LOCAL_DATE_RULE, literalValue(ast)),
});
