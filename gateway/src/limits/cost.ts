import {
  getNamedType,
  getNullableType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  type DirectiveNode,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getArgumentValues, getDirectiveValues } from 'graphql/execution/values';
import { argumentsCost } from './argument-cost';
import type { CostDirectives } from './cost-directives';
import { capped, isIntrospectionRoot, type FragmentLookup } from './fragments';
import { listItems, sizingOf, type Sizing } from './list-size';

/**
 * The cost model: Apollo Router's static estimate, driven by the @cost and @listSize directives
 * the subgraphs declare (README, "The cost model"):
 *  - a mutation starts at 10, a query at 0;
 *  - a field that returns an object costs 1, a scalar or an enum 0 (`id`, `__typename`: 0),
 *    unless @cost gives the field (or the type it returns) another weight;
 *  - a list multiplies the cost of an item, its weight plus what it selects, by its items
 *    (list-size.ts: `first`, the days of a calendar, assumedSize…);
 *  - arguments add their input objects (argument-cost.ts);
 *  - fragments count where they are spread; @skip/@include with a known condition are honoured.
 * Argument values come from literals or variables, as the subgraphs will see them.
 */
export interface CostSettings {
  /** Items of a list the schema does not size (QUERY_COST_LIST_SIZE). */
  listSize: number;
}

export const MUTATION_BASE_COST = 10;

function argumentsOf(def: GraphQLField<unknown, unknown>, node: FieldNode, variables: Record<string, unknown>): Record<string, unknown> {
  try {
    return getArgumentValues(def, node, variables);
  } catch {
    return {}; // invalid arguments: the request fails later anyway, and costs the defaults here
  }
}

/** False when @skip(if: true) or @include(if: false) leaves the selection out; unknown conditions count. */
function included(node: { readonly directives?: readonly DirectiveNode[] }, variables: Record<string, unknown>): boolean {
  try {
    if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
    return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
  } catch {
    return true;
  }
}

export function operationCost(
  schema: GraphQLSchema,
  directives: CostDirectives,
  operation: OperationDefinitionNode,
  lookup: FragmentLookup,
  variables: Record<string, unknown>,
  settings: CostSettings,
): number {
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  const memo = new Map<string, number>();
  const inProgress = new Set<string>();

  function fragmentCost(name: string, sizing: Sizing | undefined): number {
    const key = `${name}:${sizing ? `${sizing.size}:${sizing.fields.join(',')}` : ''}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    const fragment = lookup(name);
    const type = fragment && schema.getType(fragment.typeCondition.name.value);
    if (!fragment || !type || !isCompositeType(type) || inProgress.has(key)) return 0;
    inProgress.add(key);
    const value = selectionCost(fragment.selectionSet, type, sizing);
    inProgress.delete(key);
    memo.set(key, value);
    return value;
  }

  function fieldCost(node: FieldNode, parent: GraphQLCompositeType, sizing: Sizing | undefined): number {
    if (isIntrospectionRoot(node.name.value)) return 0;
    const def = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[node.name.value] : undefined;
    if (!def) return 0; // __typename, or a field validation refuses
    const type = getNamedType(def.type);
    const declared = directives.field(parent.name, def.name);
    const args = argumentsOf(def, node, variables);
    const children = node.selectionSet && isCompositeType(type) ? selectionCost(node.selectionSet, type, sizingOf(args, declared?.listSize)) : 0;
    const weight = declared?.weight ?? (isCompositeType(type) ? 1 : 0);
    const fromParent = sizing?.fields.includes(def.name) ? sizing.size : undefined;
    const items = isListType(getNullableType(def.type)) ? listItems(def, args, declared?.listSize, fromParent, settings.listSize) : 1;
    return capped(items * (weight + children) + argumentsCost(def, node, args, declared, directives));
  }

  function selectionCost(set: SelectionSetNode, parent: GraphQLCompositeType, sizing: Sizing | undefined): number {
    let total = 0;
    for (const selection of set.selections) {
      if (!included(selection, variables)) continue;
      if (selection.kind === 'Field') {
        total += fieldCost(selection, parent, sizing);
      } else if (selection.kind === 'InlineFragment') {
        const narrowed = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (narrowed && isCompositeType(narrowed)) total += selectionCost(selection.selectionSet, narrowed, sizing);
      } else {
        total += fragmentCost(selection.name.value, sizing);
      }
    }
    return capped(total);
  }

  const base = operation.operation === 'mutation' ? MUTATION_BASE_COST : 0;
  return capped(base + selectionCost(operation.selectionSet, root, undefined));
}
