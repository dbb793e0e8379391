import { Kind, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { plainData, type VerbatimData } from '../apollo/verbatim-answer';

/** The fields of a selection set, through its fragment spreads and inline fragments. */
function fieldsOf(selectionSet: SelectionSetNode | undefined, fragments: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) fields.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) fields.push(...fieldsOf(selection.selectionSet, fragments, seen));
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      fields.push(...fieldsOf(fragments.get(selection.name.value)?.selectionSet, fragments, seen));
    }
  }
  return fields;
}

const keyOf = (field: FieldNode) => field.alias?.value ?? field.name.value;

export interface AnswerBody {
  data?: Record<string, unknown> | VerbatimData | null;
  errors?: readonly { path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[];
}

/**
 * The mutation fields of an executed operation that may have changed something, read from the
 * answer the gateway sends (mutation fields run one after the other: some may succeed, others not).
 * A field changed nothing when
 *   - its payload lists userErrors (the house's convention: an expected refusal changes nothing),
 *   - or it failed with an error of its own (at its path: UNAUTHENTICATED, FORBIDDEN,
 *     BAD_USER_INPUT, INTERNAL_SERVER_ERROR...), except SUBGRAPH_UNAVAILABLE: the gateway did not
 *     hear the subgraph's answer (a timeout, a lost connection), so the change may have been made,
 *   - or it did not run (skipped: absent from the data).
 * Every other field counts as a change, also when the answer cannot tell (data nulled by another
 * field's error, userErrors not asked for).
 */
export function fieldsThatChanged(document: DocumentNode, operation: { selectionSet: SelectionSetNode }, body: AnswerBody): string[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const errors = body.errors ?? [];
  const data = plainData(body.data) as Record<string, unknown> | null | undefined; // a one-fetch answer may be the subgraph's text (apollo/verbatim-answer.ts)
  const changed = new Set<string>();
  for (const field of fieldsOf(operation.selectionSet, fragments)) {
    if (field.name.value.startsWith('__')) continue; // __typename changes nothing
    const key = keyOf(field);
    if (data && !Object.hasOwn(data, key)) continue;
    const payload = data?.[key];
    if (payload !== null && payload !== undefined) {
      const userErrorKeys = fieldsOf(field.selectionSet, fragments)
        .filter((child) => child.name.value === 'userErrors')
        .map(keyOf);
      const refused =
        typeof payload === 'object' &&
        userErrorKeys.some((k) => (payload as Record<string, unknown>)[k] instanceof Array && (payload as Record<string, unknown[]>)[k]!.length > 0);
      if (!refused) changed.add(field.name.value);
      continue;
    }
    const own = errors.filter((e) => e.path?.length === 1 && e.path[0] === key);
    const failed = own.length > 0 && own.every((e) => e.extensions?.code !== 'SUBGRAPH_UNAVAILABLE');
    if (!failed) changed.add(field.name.value);
  }
  return [...changed];
}
