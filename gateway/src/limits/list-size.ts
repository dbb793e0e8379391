import { getNamedType, type GraphQLField } from 'graphql';
import type { ListSize } from './cost-directives';

/**
 * How many items the cost model counts for a list field, first rule that applies:
 *  1. a sized field of its parent (`edges`/`nodes` of a connection): the parent's size;
 *  2. @listSize slicingArguments: the largest value given (`first: 50`), from a literal, a
 *     variable or the argument's default;
 *  3. a list with LocalDate `from` and `to` arguments (Query.calendar): the days of the range,
 *     both included, at most its assumedSize — our rule, as @listSize cannot size by two dates;
 *  4. @listSize assumedSize;
 *  5. the fallback (QUERY_COST_LIST_SIZE) for a list the schema does not size.
 */
export function listItems(
  def: GraphQLField<unknown, unknown>,
  args: Record<string, unknown>,
  listSize: ListSize | undefined,
  fromParent: number | undefined,
  fallback: number,
): number {
  if (fromParent !== undefined) return fromParent;
  const sliced = slicedSize(args, listSize);
  if (sliced !== undefined) return sliced;
  const days = isDayRange(def) ? daysBetween(args.from, args.to) : undefined;
  if (days !== undefined) return listSize?.assumedSize !== undefined ? Math.min(days, listSize.assumedSize) : days;
  return listSize?.assumedSize ?? fallback;
}

/** The size a field's @listSize(sizedFields: …) gives those fields of what it returns (a connection's edges and nodes). */
export interface Sizing {
  size: number;
  fields: readonly string[];
}

/** The sizing a field hands to its sizedFields: its slicing argument, else its assumedSize; none without sizedFields. */
export function sizingOf(args: Record<string, unknown>, listSize: ListSize | undefined): Sizing | undefined {
  if (!listSize || listSize.sizedFields.length === 0) return undefined;
  const size = slicedSize(args, listSize) ?? listSize.assumedSize;
  return size === undefined ? undefined : { size, fields: listSize.sizedFields };
}

function slicedSize(args: Record<string, unknown>, listSize: ListSize | undefined): number | undefined {
  const given = (listSize?.slicingArguments ?? []).map((name) => args[name]).filter((v): v is number => typeof v === 'number' && Number.isInteger(v));
  return given.length > 0 ? Math.max(0, ...given) : undefined;
}

const isLocalDate = (def: GraphQLField<unknown, unknown>, name: string) => def.args.some((a) => a.name === name && getNamedType(a.type).name === 'LocalDate');
const isDayRange = (def: GraphQLField<unknown, unknown>) => isLocalDate(def, 'from') && isLocalDate(def, 'to');

/** The dates a day range is sized by (YYYY-MM-DD); cost-memo.ts keeps them in its key. */
export const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days from `from` to `to`, both included (1 when `to` is before `from`); undefined unless both are YYYY-MM-DD. */
export function daysBetween(from: unknown, to: unknown): number | undefined {
  const a = typeof from === 'string' ? LOCAL_DATE.exec(from) : null;
  const b = typeof to === 'string' ? LOCAL_DATE.exec(to) : null;
  if (!a || !b) return undefined;
  const utc = (m: RegExpExecArray) => Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const days = Math.round((utc(b) - utc(a)) / 86_400_000) + 1;
  return Number.isFinite(days) ? Math.max(1, days) : undefined;
}
