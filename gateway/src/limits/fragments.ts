import { Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

export type FragmentLookup = (name: string) => FragmentDefinitionNode | undefined;

/**
 * Folds a selection set into one number, expanding fragment spreads. Each named fragment is
 * measured once and remembered, so a fragment spread many times costs no extra work; a fragment
 * that spreads itself (directly or through others) counts as empty while it is being measured, so
 * a cycle can never hang the gateway (graphql's NoFragmentCyclesRule reports it as an error).
 */
export function memoizedFragments(lookup: FragmentLookup, measure: (selectionSet: SelectionSetNode, typeCondition?: string) => number) {
  const done = new Map<string, number>();
  const inProgress = new Set<string>();
  return (name: string): number => {
    const known = done.get(name);
    if (known !== undefined) return known;
    const fragment = lookup(name);
    if (!fragment || inProgress.has(name)) return 0;
    inProgress.add(name);
    const value = measure(fragment.selectionSet, fragment.typeCondition.name.value);
    inProgress.delete(name);
    done.set(name, value);
    return value;
  };
}

/** Introspection entry points: measured by nothing (production refuses them anyway). */
export const isIntrospectionRoot = (fieldName: string): boolean => fieldName === '__schema' || fieldName === '__type';

/** Adds without overflowing: fragments spread inside fragments can ask for astronomically much. */
export const capped = (n: number): number => (Number.isFinite(n) ? Math.min(n, Number.MAX_SAFE_INTEGER) : Number.MAX_SAFE_INTEGER);

/** The fragments of a document, by name. */
export function fragmentLookup(document: DocumentNode): FragmentLookup {
  const map = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) map.set(d.name.value, d);
  return (name) => map.get(name);
}
