import { getArgumentValues, getNamedType, isObjectType, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** The fields named `name` of a selection, directly or in its fragments. */
function fieldsNamed(info: Pick<GraphQLResolveInfo, 'fragments'>, sets: readonly (SelectionSetNode | undefined)[], name: string): FieldNode[] {
  const found: FieldNode[] = [];
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode | undefined): void => {
    for (const s of set?.selections ?? []) {
      if (s.kind === 'Field') {
        if (s.name.value === name) found.push(s);
      } else if (s.kind === 'InlineFragment') walk(s.selectionSet);
      else if (!seen.has(s.name.value)) {
        seen.add(s.name.value);
        walk(info.fragments[s.name.value]?.selectionSet);
      }
    }
  };
  sets.forEach(walk);
  return found;
}

/**
 * Whether the field being resolved asks for the subfield path (`'artists'`, or `'artists', 'artworks'`
 * for artworks under artists), directly or in fragments. For prefetching only: a field under @skip
 * or @include counts as asked.
 */
export function asksSubfield(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, ...path: string[]): boolean {
  let nodes: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) {
    nodes = fieldsNamed(
      info,
      nodes.map((n) => n.selectionSet),
      name,
    );
    if (nodes.length === 0) return false;
  }
  return true;
}

/**
 * The arguments of every occurrence of the subfield `name` of the field being resolved (each alias,
 * directly or in fragments), coerced as the executor will coerce them. For prefetching only: an
 * occurrence whose arguments do not coerce is left out (the executor reports it), and one under
 * @skip or @include counts as asked.
 */
export function subfieldArguments(
  info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments' | 'returnType' | 'variableValues'>,
  name: string,
): Record<string, unknown>[] {
  const type = getNamedType(info.returnType);
  const field = isObjectType(type) ? type.getFields()[name] : undefined;
  if (!field) return [];
  const found: Record<string, unknown>[] = [];
  const nodes = fieldsNamed(
    info,
    info.fieldNodes.map((n) => n.selectionSet),
    name,
  );
  for (const node of nodes) {
    try {
      found.push(getArgumentValues(field, node, info.variableValues));
    } catch {
      // Reported by the executor when it resolves the field itself.
    }
  }
  return found;
}
