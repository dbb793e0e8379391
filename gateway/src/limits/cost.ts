import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getArgumentValues } from 'graphql/execution/values';
import { capped, isIntrospectionRoot, type FragmentLookup } from './fragments';

/**
 * The cost model, an estimate of the work an operation asks of the subgraphs:
 *  - every field costs 1 (`__typename` included);
 *  - a list field multiplies the cost of its subtree by how many items it may return: its
 *    `first` argument; for the `edges`/`nodes` of a connection, the connection's `first`
 *    (20, the API's page size, when left out); for a list with LocalDate `from`/`to` arguments
 *    (Query.calendar), its number of days; otherwise `listSize` (QUERY_COST_LIST_SIZE);
 *  - argument values come from literals or variables, as the subgraphs will see them.
 */
export interface CostSettings {
  listSize: number;
}

export const DEFAULT_PAGE_SIZE = 20;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysBetween(from: unknown, to: unknown): number | undefined {
  const a = typeof from === 'string' ? LOCAL_DATE.exec(from) : null;
  const b = typeof to === 'string' ? LOCAL_DATE.exec(to) : null;
  if (!a || !b) return undefined;
  const utc = (m: RegExpExecArray) => Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const days = Math.round((utc(b) - utc(a)) / 86_400_000) + 1;
  return Number.isFinite(days) ? Math.max(1, days) : undefined;
}

function argumentsOf(def: GraphQLField<unknown, unknown>, node: FieldNode, variables: Record<string, unknown>): Record<string, unknown> {
  try {
    return getArgumentValues(def, node, variables);
  } catch {
    return {}; // invalid arguments: the request fails later anyway, and costs the defaults here
  }
}

const isLocalDateArg = (def: GraphQLField<unknown, unknown>, name: string) => def.args.some((a) => a.name === name && getNamedType(a.type).name === 'LocalDate');

export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  lookup: FragmentLookup,
  variables: Record<string, unknown>,
  settings: CostSettings,
): number {
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  const memo = new Map<string, number>();
  const inProgress = new Set<string>();

  function fragmentCost(name: string, pageSize: number | undefined): number {
    const key = `${name}:${pageSize ?? ''}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    const fragment = lookup(name);
    const type = fragment && schema.getType(fragment.typeCondition.name.value);
    if (!fragment || !type || !isCompositeType(type) || inProgress.has(key)) return 0;
    inProgress.add(key);
    const value = selectionCost(fragment.selectionSet, type, pageSize);
    inProgress.delete(key);
    memo.set(key, value);
    return value;
  }

  function fieldCost(node: FieldNode, parent: GraphQLCompositeType, pageSize: number | undefined): number {
    if (isIntrospectionRoot(node.name.value)) return 0;
    const def = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[node.name.value] : undefined;
    if (!def) return 1; // __typename, or a field validation refuses
    const type = getNamedType(def.type);
    const args = argumentsOf(def, node, variables);
    const hasFirst = def.args.some((a) => a.name === 'first');
    const first = hasFirst ? (typeof args.first === 'number' && args.first >= 0 ? args.first : DEFAULT_PAGE_SIZE) : undefined;
    const children = node.selectionSet && isCompositeType(type) ? selectionCost(node.selectionSet, type, first) : 0;
    if (!isListType(getNullableType(def.type))) return capped(1 + children);
    const days = isLocalDateArg(def, 'from') && isLocalDateArg(def, 'to') ? daysBetween(args.from, args.to) : undefined;
    const size = first ?? days ?? pageSize ?? settings.listSize;
    return capped(1 + size * children);
  }

  function selectionCost(set: SelectionSetNode, parent: GraphQLCompositeType, pageSize: number | undefined): number {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === 'Field') {
        total += fieldCost(selection, parent, pageSize);
      } else if (selection.kind === 'InlineFragment') {
        const narrowed = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (narrowed && isCompositeType(narrowed)) total += selectionCost(selection.selectionSet, narrowed, pageSize);
      } else {
        total += fragmentCost(selection.name.value, pageSize);
      }
    }
    return capped(total);
  }

  return selectionCost(operation.selectionSet, root, undefined);
}
