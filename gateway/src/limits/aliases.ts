import type { SelectionSetNode, ValidationRule } from 'graphql';
import { capped, memoizedFragments, type FragmentLookup } from './fragments';
import { LimitError } from './limit-error';

/**
 * Aliases an operation asks for, fragments expanded: a fragment with 5 aliases spread 3 times
 * counts 15. Every alias counts, `__typename` ones included (they cost the server a field each).
 */
export function aliasCount(selectionSet: SelectionSetNode, lookup: FragmentLookup): number {
  const fragment = memoizedFragments(lookup, (set) => count(set));
  function count(set: SelectionSetNode): number {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === 'Field') {
        if (selection.alias) total += 1;
        if (selection.selectionSet) total += count(selection.selectionSet);
      } else if (selection.kind === 'InlineFragment') {
        total += count(selection.selectionSet);
      } else {
        total += fragment(selection.name.value);
      }
    }
    return capped(total);
  }
  return count(selectionSet);
}

/** Validation rule: ALIAS_LIMIT_EXCEEDED when an operation uses more than limit aliases. */
export const aliasLimitRule =
  (limit: number): ValidationRule =>
  (context) => ({
    OperationDefinition(node) {
      const actual = aliasCount(node.selectionSet, (name) => context.getFragment(name) ?? undefined);
      if (actual > limit) context.reportError(new LimitError('ALIAS_LIMIT_EXCEEDED', limit, actual));
    },
  });
