import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { badScalarInputs } from './scalar-inputs';

const schema = buildSchema('scalar DateTime type Query { at(when: DateTime, other: DateTime): Int }');

describe('badScalarInputs, once per parsed document', () => {
  it('checks the literals of a document once: later requests of the same parsed document only check their variables', () => {
    const document = parse('query($other: DateTime) { at(when: "2026-11-26T10:00:00Z", other: $other) }');
    const operation = document.definitions[0] as OperationDefinitionNode;
    expect(badScalarInputs(schema, document, operation, { other: '2026-11-26T11:00:00Z' })).toEqual([]);
    // Were the literals checked again, this (never done in practice: parsed documents are not changed) would be seen.
    const field = operation.selectionSet.selections[0] as unknown as { arguments: { value: { value: string } }[] };
    field.arguments[0]!.value.value = 'hier';
    expect(badScalarInputs(schema, document, operation, { other: 'demain' })).toEqual([
      { kind: 'variable', name: 'other', scalar: 'DateTime', problem: expect.any(Object) },
    ]);
    // A document parsed anew is checked anew.
    const fresh = parse('{ at(when: "hier") }');
    expect(badScalarInputs(schema, fresh, fresh.definitions[0] as OperationDefinitionNode, {})).toEqual([
      { kind: 'argument', name: 'at.when', scalar: 'DateTime', problem: expect.any(Object) },
    ]);
  });
});
