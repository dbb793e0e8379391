import type { GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { LOCAL_DATE } from './list-size';

/** Distinct variable sets remembered per operation before it is taken as one whose variables always differ. */
export const COSTS_PER_OPERATION = 64;
/** Variables longer than this (as JSON) are never a key. */
const MAX_KEY_CHARS = 2048;

interface Remembered {
  costs: Map<string, number>;
  /** More distinct variable sets than COSTS_PER_OPERATION were seen: computed every time, no key built. */
  varies: boolean;
}

/**
 * What of the variables the estimate can read (cost.ts): numbers (slicing arguments), booleans
 * (@skip/@include), null, the shape of input objects and lists (argument-cost.ts counts their
 * fields and items), and the YYYY-MM-DD strings a calendar's from/to are sized by (list-size.ts).
 * Every other string counts the same whatever it says (a scalar's or an enum's weight), so it is
 * one placeholder here: a booking's title, space id and instants make one key, not one each.
 */
export function costKey(value: unknown): string {
  if (typeof value === 'string') return LOCAL_DATE.test(value) ? JSON.stringify(value) : '"…"';
  if (value === null || typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return `[${value.map(costKey).join(',')}]`;
  let key = '{';
  for (const name in value) key += `${JSON.stringify(name)}:${costKey((value as Record<string, unknown>)[name])},`;
  return `${key}}`;
}

/**
 * The estimate of an operation is a function of its parsed document (the same object for every
 * request of the same text: Apollo caches it) and of what costKey keeps of its variables, nothing
 * else: remembered per (schema, operation node, cost key). An operation whose cost keys differ on
 * every request (a page size chosen each time) stops being remembered after COSTS_PER_OPERATION.
 */
export function costMemo(): (schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Record<string, unknown>, compute: () => number) => number {
  const bySchema = new WeakMap<GraphQLSchema, WeakMap<OperationDefinitionNode, Remembered>>();
  return (schema, operation, variables, compute) => {
    let operations = bySchema.get(schema);
    if (!operations) bySchema.set(schema, (operations = new WeakMap()));
    let remembered = operations.get(operation);
    if (!remembered) operations.set(operation, (remembered = { costs: new Map(), varies: false }));
    if (remembered.varies) return compute();
    const key = costKey(variables);
    if (key.length > MAX_KEY_CHARS) return compute();
    const known = remembered.costs.get(key);
    if (known !== undefined) return known;
    const cost = compute();
    if (remembered.costs.size >= COSTS_PER_OPERATION) {
      remembered.varies = true;
      remembered.costs.clear();
    } else remembered.costs.set(key, cost);
    return cost;
  };
}
