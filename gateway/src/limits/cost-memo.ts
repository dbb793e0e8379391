import type { GraphQLSchema, OperationDefinitionNode } from 'graphql';

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
 * The estimate of an operation is a function of its parsed document (the same object for every
 * request of the same text: Apollo caches it) and of its variables, nothing else: remembered per
 * (schema, operation node, variables as JSON). An operation whose variables differ on every request
 * (a booking's input) stops being remembered after COSTS_PER_OPERATION of them.
 */
export function costMemo(): (schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Record<string, unknown>, compute: () => number) => number {
  const bySchema = new WeakMap<GraphQLSchema, WeakMap<OperationDefinitionNode, Remembered>>();
  return (schema, operation, variables, compute) => {
    let operations = bySchema.get(schema);
    if (!operations) bySchema.set(schema, (operations = new WeakMap()));
    let remembered = operations.get(operation);
    if (!remembered) operations.set(operation, (remembered = { costs: new Map(), varies: false }));
    if (remembered.varies) return compute();
    const key = JSON.stringify(variables);
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
