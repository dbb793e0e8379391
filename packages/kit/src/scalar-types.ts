import { GraphQLError, GraphQLScalarType } from 'graphql';
import { codeMessage } from '@maison/errors';
import { DATE_TIME_RULE, literalValue, LOCAL_DATE_RULE, toHouseIso, type ScalarRule } from '@maison/house';
import { requestLang } from './request-lang';

/** A subgraph's parse of a rule: the value, or BAD_USER_INPUT in the request's language (the gateway has usually answered it first). */
function parsed<T>(rule: ScalarRule<T>, value: unknown): T {
  const result = rule.parse(value);
  if ('problem' in result) {
    const lang = requestLang();
    throw new GraphQLError(codeMessage('BAD_USER_INPUT', 'SCALAR_VALUE', lang, { scalar: rule.name, problem: result.problem[lang] }), {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
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
