import type { SelectionSetNode, ValidationRule } from 'graphql';
import { isIntrospectionRoot, memoizedFragments, type FragmentLookup } from './fragments';
import { LimitError } from './limit-error';

/**
 * Depth: the number of fields on the longest path from the root, fragments expanded:
 * `{ house { name } }` has depth 2. Introspection (`__schema`, `__type`) is not counted.
 */
export function selectionDepth(selectionSet: SelectionSetNode, lookup: FragmentLookup): number {
  const fragment = memoizedFragments(lookup, (set) => depth(set));
  function depth(set: SelectionSetNode): number {
    let max = 0;
    for (const selection of set.selections) {
      if (selection.kind === 'Field') {
        if (isIntrospectionRoot(selection.name.value)) continue;
        max = Math.max(max, 1 + (selection.selectionSet ? depth(selection.selectionSet) : 0));
      } else if (selection.kind === 'InlineFragment') {
        max = Math.max(max, depth(selection.selectionSet));
      } else {
        max = Math.max(max, fragment(selection.name.value));
      }
    }
    return max;
  }
  return depth(selectionSet);
}

/** Validation rule: DEPTH_LIMIT_EXCEEDED when an operation is deeper than limit. */
export const depthLimitRule =
  (limit: number): ValidationRule =>
  (context) => ({
    OperationDefinition(node) {
      const actual = selectionDepth(node.selectionSet, (name) => context.getFragment(name) ?? undefined);
      if (actual > limit) context.reportError(new LimitError('DEPTH_LIMIT_EXCEEDED', limit, actual));
    },
  });
