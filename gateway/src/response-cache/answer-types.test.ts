import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { answerTypes } from './answer-types';

const api = buildSchema(readFileSync(path.resolve(__dirname, '../../../schema/client.graphql'), 'utf8'));

function typesOf(query: string, schema = api): readonly string[] | undefined {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  return answerTypes(schema, document, operation);
}

describe('answerTypes', () => {
  it('names every object type the answer can hold, without __typename in the query', () => {
    expect(typesOf('{ calendar(from: "2026-01-01", to: "2026-01-02") { date spaceBookings { title space { name } } exhibitionsOnView { title } } }')).toEqual([
      'CalendarDay',
      'Exhibition',
      'SharedSpace',
      'SpaceBooking',
    ]);
    expect(typesOf('{ sharedSpace(slug: "cuisine") { name availability(date: "2026-01-01", durationMinutes: 60) { startsAt } } }')).toEqual([
      'SharedSpace',
      'TimeSlot',
    ]);
  });

  it('follows fragments and inline fragments, and ignores the other operations of the document', () => {
    const query = `query A { artwork(slug: "x") { ...W } }
      query B { tenants { name } }
      fragment W on Artwork { title ... on Artwork { artist { name } } }`;
    expect(typesOf(query)).toEqual(['Artist', 'Artwork']);
  });

  it('counts a connection as its nodes: its totalCount changes when one is created', () => {
    expect(typesOf('{ artists { totalCount } }')).toEqual(['Artist', 'ArtistConnection']);
  });

  it('gives an interface or a union the types it can be', () => {
    const schema = buildSchema(`
      interface Named { name: String }
      type Cat implements Named { name: String }
      type Dog implements Named { name: String }
      type Bird { wings: Int }
      union Pet = Cat | Bird
      type Query { named: [Named] pets: [Pet] }`);
    expect(typesOf('{ named { name } }', schema)).toEqual(['Cat', 'Dog']);
    expect(typesOf('{ pets { __typename } }', schema)).toEqual(['Bird', 'Cat']);
  });

  it('has no types for a root field that returns a scalar (nothing says what changes it) but __typename', () => {
    const schema = buildSchema('type Query { count: Int, item: Item } type Item { x: Int }');
    expect(typesOf('{ count }', schema)).toBeUndefined();
    expect(typesOf('{ __typename item { x } }', schema)).toEqual(['Item']);
  });

  it('computes once per parsed operation', () => {
    const document = parse('{ house { name } }');
    const operation = document.definitions[0] as OperationDefinitionNode;
    const first = answerTypes(api, document, operation);
    expect(first).toEqual(['House']);
    expect(answerTypes(api, document, operation)).toBe(first);
  });
});
