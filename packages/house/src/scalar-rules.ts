import { Kind, valueFromASTUntyped, type ValueNode } from 'graphql';
import { DateTime as Luxon } from 'luxon';
import type { Lang } from '@maison/config';
import { renderBoth, SCALAR_PROBLEMS } from '@maison/errors';
import { commonInstant } from './iso-instant';
import { isLocalDate } from './time';

/** Why a value is not one of a scalar, in both languages of the house (from the registry's SCALAR_PROBLEMS). */
export type ScalarProblem = Record<Lang, string>;

/**
 * The input rule of a custom scalar: the one definition the subgraphs parse with and the gateway
 * checks with before any subgraph is called (gateway/src/input), so both refuse the same values.
 */
export interface ScalarRule<T> {
  readonly name: string;
  readonly description: string;
  /** The value as the resolvers receive it, or the problem with it. */
  parse(value: unknown): { value: T } | { problem: ScalarProblem };
}

const OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;
const shown = (value: string) => JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);

export const DATE_TIME_RULE: ScalarRule<Date> = {
  name: 'DateTime',
  description:
    'An instant: ISO 8601 / RFC 3339 date and time with a UTC offset (2026-11-26T10:00:00-05:00 or 2026-11-26T15:00:00Z), years 1900 to 9999. ' +
    'A value without an offset is refused. Served in the house time zone, America/Toronto.',
  parse(value) {
    if (typeof value !== 'string' || !OFFSET.test(value)) {
      return { problem: renderBoth(SCALAR_PROBLEMS.DATE_TIME_FORMAT) };
    }
    const common = commonInstant(value);
    if (common) return { value: common };
    const parsed = Luxon.fromISO(value, { setZone: true });
    if (!parsed.isValid || parsed.year < 1900 || parsed.year > 9999) {
      return { problem: renderBoth(SCALAR_PROBLEMS.DATE_TIME_INVALID, { value: shown(value) }) };
    }
    return { value: parsed.toJSDate() };
  },
};

export const LOCAL_DATE_RULE: ScalarRule<string> = {
  name: 'LocalDate',
  description:
    'A calendar date YYYY-MM-DD (ISO 8601, no time, no offset) in the house time zone, America/Toronto: 2026-11-26, years 0001 to 9999 (PostgreSQL has no year 0).',
  parse(value) {
    if (typeof value === 'string' && isLocalDate(value)) {
      return value.startsWith('0000-') ? { problem: renderBoth(SCALAR_PROBLEMS.LOCAL_DATE_YEAR, { value: shown(value) }) } : { value };
    }
    return {
      problem:
        typeof value === 'string' ? renderBoth(SCALAR_PROBLEMS.LOCAL_DATE_INVALID, { value: shown(value) }) : renderBoth(SCALAR_PROBLEMS.LOCAL_DATE_NOT_TEXT),
    };
  },
};

/** Every custom scalar of the graph, by name. */
export const SCALAR_RULES: ReadonlyMap<string, ScalarRule<unknown>> = new Map<string, ScalarRule<unknown>>([
  [DATE_TIME_RULE.name, DATE_TIME_RULE],
  [LOCAL_DATE_RULE.name, LOCAL_DATE_RULE],
]);

/** The value of a literal as a rule sees it: strings as they are, anything else as its JSON value. */
export const literalValue = (ast: ValueNode): unknown => (ast.kind === Kind.STRING ? ast.value : valueFromASTUntyped(ast));
