import {
  getNullableType,
  isInputObjectType,
  isListType,
  isScalarType,
  Kind,
  TypeInfo,
  typeFromAST,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValueNode,
} from 'graphql';
import { literalValue, SCALAR_RULES, type ScalarProblem } from '@maison/house';

/** A value of a custom scalar that its rule refuses: where it was written, and why. */
export interface BadScalarInput {
  /** `variable` for `$from` or a value inside it, `argument` for a literal. */
  kind: 'variable' | 'argument';
  /** The variable (`from`) or the argument (`calendar.from`), then the place inside it (`input.startsAt`, `ids[2]`). */
  name: string;
  scalar: string;
  problem: ScalarProblem;
}

/** Checks a JSON value (of a variable) against the input type it is given for. */
function checkValue(type: GraphQLInputType, value: unknown, at: string, found: Omit<BadScalarInput, 'kind'>[]): void {
  if (value === null || value === undefined) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (Array.isArray(value)) value.forEach((item, i) => checkValue(nullable.ofType, item, `${at}[${i}]`, found));
    else checkValue(nullable.ofType, value, at, found); // input coercion takes one item for a list
  } else if (isInputObjectType(nullable)) {
    if (typeof value !== 'object' || Array.isArray(value)) return; // graphql's own coercion refuses it
    for (const [name, field] of Object.entries(nullable.getFields())) checkValue(field.type, (value as Record<string, unknown>)[name], `${at}.${name}`, found);
  } else if (isScalarType(nullable)) {
    const result = SCALAR_RULES.get(nullable.name)?.parse(value);
    if (result && 'problem' in result) found.push({ name: at, scalar: nullable.name, problem: result.problem });
  }
}

/** Checks a literal of the document; variables inside it are checked with the variables. */
function checkLiteral(type: GraphQLInputType, node: ValueNode, at: string, found: Omit<BadScalarInput, 'kind'>[]): void {
  if (node.kind === Kind.VARIABLE || node.kind === Kind.NULL) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (node.kind === Kind.LIST) node.values.forEach((item, i) => checkLiteral(nullable.ofType, item, `${at}[${i}]`, found));
    else checkLiteral(nullable.ofType, node, at, found);
  } else if (isInputObjectType(nullable)) {
    if (node.kind !== Kind.OBJECT) return;
    const fields = nullable.getFields();
    for (const field of node.fields) {
      const target = fields[field.name.value];
      if (target) checkLiteral(target.type, field.value, `${at}.${field.name.value}`, found);
    }
  } else if (isScalarType(nullable)) {
    const result = SCALAR_RULES.get(nullable.name)?.parse(literalValue(node));
    if (result && 'problem' in result) found.push({ name: at, scalar: nullable.name, problem: result.problem });
  }
}

/**
 * Every value of a custom scalar (DateTime, LocalDate…) in an operation that the scalar's rule
 * refuses: in the variables (and their defaults) and in the literals of the operation and of
 * the fragments of its document. The supergraph's scalars have no parser of their own, so
 * without this the gateway would send such a value on and the subgraph would refuse it.
 */
export function badScalarInputs(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): BadScalarInput[] {
  const inVariables: Omit<BadScalarInput, 'kind'>[] = [];
  for (const definition of operation.variableDefinitions ?? []) {
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    if (!type) continue;
    const name = definition.variable.name.value;
    if (name in variables) checkValue(type, variables[name], name, inVariables);
    else if (definition.defaultValue) checkLiteral(type, definition.defaultValue, name, inVariables);
  }
  return [...inVariables.map((b) => ({ ...b, kind: 'variable' as const })), ...badScalarLiterals(schema, document, operation)];
}

/**
 * The literals of an operation (and of the fragments of its document) that a scalar's rule
 * refuses, walked once per schema, parsed document and operation: Apollo Server hands the same
 * parsed document to every request of the same text, and its literals do not change.
 */
const literalsOf = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<OperationDefinitionNode, BadScalarInput[]>>>();
function badScalarLiterals(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): BadScalarInput[] {
  let byDocument = literalsOf.get(schema);
  if (!byDocument) literalsOf.set(schema, (byDocument = new WeakMap()));
  let byOperation = byDocument.get(document);
  if (!byOperation) byDocument.set(document, (byOperation = new Map()));
  const known = byOperation.get(operation);
  if (known) return known;
  const inLiterals: Omit<BadScalarInput, 'kind'>[] = [];
  const typeInfo = new TypeInfo(schema);
  const fieldNames: string[] = [];
  const visitor = visitWithTypeInfo(typeInfo, {
    Field: { enter: (node) => void fieldNames.push(node.name.value), leave: () => void fieldNames.pop() },
    Argument(node) {
      const argument = typeInfo.getArgument();
      if (argument) checkLiteral(argument.type, node.value, `${fieldNames.at(-1) ?? ''}.${node.name.value}`.replace(/^\./, ''), inLiterals);
      return false;
    },
  });
  for (const definition of document.definitions) {
    if (definition === operation || definition.kind === Kind.FRAGMENT_DEFINITION) visit(definition, visitor);
  }
  const found = inLiterals.map((b) => ({ ...b, kind: 'argument' as const }));
  byOperation.set(operation, found);
  return found;
}
