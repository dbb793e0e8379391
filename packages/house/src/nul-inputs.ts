import { Kind, visit, type DocumentNode, type OperationDefinitionNode, type ValueNode } from 'graphql';

/** A text of an operation holding NUL (U+0000), which PostgreSQL refuses in any text: where it was written. */
export interface NulInput {
  /** `variable` for `$slug` or a value inside it, `argument` for a literal. */
  kind: 'variable' | 'argument';
  /** The variable (`slug`, `input.title`, `ids[2]`) or the argument (`tenant.slug`, `createTenant.input.name`). */
  name: string;
}

const NUL = '\u0000';

function inValue(value: unknown, at: string, found: string[]): void {
  if (typeof value === 'string') {
    if (value.includes(NUL)) found.push(at);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => inValue(item, `${at}[${i}]`, found));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) inValue(item, `${at}.${key}`, found);
  }
}

function inLiteral(node: ValueNode, at: string, found: string[]): void {
  if (node.kind === Kind.STRING) {
    if (node.value.includes(NUL)) found.push(at);
  } else if (node.kind === Kind.LIST) {
    node.values.forEach((item, i) => inLiteral(item, `${at}[${i}]`, found));
  } else if (node.kind === Kind.OBJECT) {
    for (const field of node.fields) inLiteral(field.value, `${at}.${field.name.value}`, found);
  }
}

/**
 * Every text of an operation that holds NUL: in the variables (and their defaults) and in the
 * literal arguments of the operation and of the fragments of its document, nested in input
 * objects and lists. Any String or ID (or custom scalar) value may end in SQL, and no text of the
 * house may hold NUL, so the check needs no types: the gateway and every subgraph refuse the same.
 */
export function nulInputs(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): NulInput[] {
  const inVariables: string[] = [];
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (name in variables) inValue(variables[name], name, inVariables);
    else if (definition.defaultValue) inLiteral(definition.defaultValue, name, inVariables);
  }
  return [
    ...inVariables.map((name) => ({ kind: 'variable' as const, name })),
    ...nulArguments(document, operation).map((name) => ({ kind: 'argument' as const, name })),
  ];
}

/**
 * The literal arguments holding NUL, walked once per parsed document and operation: Apollo Server
 * keeps each parsed document and hands the same one to every request of the same text, and a
 * document's literals do not change from one request to the next.
 */
const argumentsOf = new WeakMap<DocumentNode, Map<OperationDefinitionNode, string[]>>();
function nulArguments(document: DocumentNode, operation: OperationDefinitionNode): string[] {
  let byOperation = argumentsOf.get(document);
  if (!byOperation) argumentsOf.set(document, (byOperation = new Map()));
  const known = byOperation.get(operation);
  if (known) return known;
  const inArguments: string[] = [];
  const fieldNames: string[] = [];
  const visitor = {
    Field: { enter: (node: { name: { value: string } }) => void fieldNames.push(node.name.value), leave: () => void fieldNames.pop() },
    Argument(node: { name: { value: string }; value: ValueNode }) {
      inLiteral(node.value, `${fieldNames.at(-1) ?? ''}.${node.name.value}`.replace(/^\./, ''), inArguments);
      return false;
    },
  };
  for (const definition of document.definitions) {
    if (definition === operation || definition.kind === Kind.FRAGMENT_DEFINITION) visit(definition, visitor);
  }
  byOperation.set(operation, inArguments);
  return inArguments;
}
