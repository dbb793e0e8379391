import { Kind, parse, type DocumentNode, type SelectionSetNode } from 'graphql';

/** A subgraph call that failed: where in the answer it was to write, and the fields it was to fill. */
export interface SubgraphFailure {
  subgraph: string;
  /** The query plan's path of the call: [] for a root call, ['calendar', '@'] for the entities of a list. */
  at: readonly (string | number)[];
  /** Response names (aliases included) the call was to fill at that path. */
  fields: readonly string[];
}

export type ResponsePath = (string | number)[];

/**
 * The fields one subgraph call fills: the root fields of its operation, or for an entity call
 * (`_entities(representations:)`) the fields selected in its `... on Type` fragments.
 */
export function fetchedFields(document: DocumentNode | undefined, query: string | undefined): string[] {
  const doc = document ?? (query ? parse(query) : undefined);
  const operation = doc?.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return [];
  const roots = operation.selectionSet.selections;
  const entities = roots.length === 1 && roots[0]!.kind === Kind.FIELD && roots[0]!.name.value === '_entities' ? roots[0]!.selectionSet : undefined;
  return [...new Set(responseNames(entities ?? operation.selectionSet))];
}

function responseNames(set: SelectionSetNode): string[] {
  return set.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value === '__typename' ? [] : [(selection.alias ?? selection.name).value];
    if (selection.kind === Kind.INLINE_FRAGMENT) return responseNames(selection.selectionSet);
    return [];
  });
}

/**
 * The paths a failed call left empty in the final answer: its path template expanded over the
 * data (`@` is every item of a list), each of its fields that ended up null. When a null went up
 * to a parent (a non-null field), the path stops at the highest place that is null.
 */
export function emptiedPaths(data: unknown, failure: SubgraphFailure): ResponsePath[] {
  const found: ResponsePath[] = [];
  const walk = (value: unknown, rest: readonly (string | number)[], path: ResponsePath) => {
    if (value === null || value === undefined) {
      found.push(path.length > 0 ? path : [failure.fields[0] ?? '']);
      return;
    }
    if (rest.length === 0) {
      for (const field of failure.fields) {
        const item = (value as Record<string, unknown>)[field];
        if (item === null || item === undefined) found.push([...path, field]);
      }
      return;
    }
    const [head, ...tail] = rest;
    if (head === '@') {
      if (Array.isArray(value)) value.forEach((item, i) => walk(item, tail, [...path, i]));
      return;
    }
    walk((value as Record<string, unknown>)[head as string], tail, [...path, head!]);
  };
  if (data === null || data === undefined) return failure.at.length === 0 ? failure.fields.map((field) => [field]) : [[failure.at[0]!]];
  walk(data, failure.at, []);
  const seen = new Set<string>();
  return found.filter((path) => {
    const key = JSON.stringify(path);
    return !seen.has(key) && Boolean(seen.add(key));
  });
}
