import { buildSchema, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { plainData, stringifyAnswer, VerbatimAnswers, VerbatimData, verbatimJson } from './verbatim-answer';

/**
 * When a fetch's answer may go out as the subgraph's text (the rules of verbatim-answer.ts), over a
 * schema that has what the house's does not yet: an interface, a union, an enum with a value hidden
 * from clients. verbatim-equivalence.test.ts checks the answers themselves over the real supergraph.
 */
const API = buildSchema(`
  type Query { shelf(id: ID!, size: Int): Shelf, shelves: [Shelf!]!, thing: Thing, either: Either, mood: Mood, tone: Tone }
  type Mutation { paint(color: String!): Shelf }
  type Shelf { id: ID!, name: String, books(first: Int, after: String): [Book!]!, mood: Mood, tone: Tone }
  type Book implements Thing { id: ID!, title: String! }
  interface Thing { id: ID! }
  union Either = Book | Shelf
  enum Mood { CALM, LOUD }
  enum Tone { WARM, COLD }
`);
const SUPERGRAPH = `enum Mood { CALM, LOUD, SECRET @inaccessible }\nenum Tone { WARM, COLD }`;

function incoming(query: string) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return { schema: API, document, operation };
}
const eligible = (client: string, fetch: string) => new VerbatimAnswers(SUPERGRAPH).eligible(incoming(client), fetch);

describe('a fetch answers the client verbatim', () => {
  it('when it selects what the client selected, in the same order', () => {
    expect(
      eligible(
        'query Q($id: ID!) { shelf(id: $id) { id name books(first: 2) { title } } }',
        'query Q__shop__0($id:ID!){shelf(id:$id){id name books(first:2){title}}}',
      ),
    ).toBe(true);
    expect(eligible('mutation { paint(color: "red") { id } }', 'mutation{paint(color:"red"){id}}')).toBe(true);
  });

  it('with aliases, merged duplicates, fragments on the same type and __typename of an object', () => {
    const client = `query { a: shelf(id: 1) { ...F name ... on Shelf { books { id } } __typename } shelves { id } shelves { name } }
      fragment F on Shelf { id books { title } }`;
    expect(eligible(client, '{a:shelf(id:1){id books{title id}name __typename}shelves{id name}}')).toBe(true);
  });

  it('whatever the arguments look like (the walk never reads them; the planner writes `id: "1"` as `id:1`)', () => {
    expect(eligible('{ shelf(id: "1", size: 2) { id } }', '{shelf(size:2,id:1){id}}')).toBe(true);
    expect(eligible('query($s: Int) { shelf(id: 1, size: $s) { id } }', 'query($s:Int){shelf(id:1,size:$s){id}}')).toBe(true);
  });

  it('not when the planner added or dropped a field, renamed one or changed the order', () => {
    expect(eligible('{ shelf(id: 1) { id } }', '{shelf(id:1){__typename id}}')).toBe(false);
    expect(eligible('{ shelf(id: 1) { id name } }', '{shelf(id:1){id}}')).toBe(false);
    expect(eligible('{ shelf(id: 1) { id name } }', '{shelf(id:1){name id}}')).toBe(false);
    expect(eligible('{ x: shelf(id: 1) { id } }', '{shelf(id:1){id}}')).toBe(false);
    expect(eligible('{ shelf(id: 1) { id } shelves { id } }', '{shelf(id:1){id}}')).toBe(false);
  });

  it('not with a directive anywhere, introspection, or another kind of operation', () => {
    expect(eligible('query($on: Boolean!) { shelf(id: 1) { id name @include(if: $on) } }', 'query($on:Boolean!){shelf(id:1){id name@include(if:$on)}}')).toBe(
      false,
    );
    expect(eligible('{ shelf(id: 1) { ...F @skip(if: false) } } fragment F on Shelf { id }', '{shelf(id:1){id}}')).toBe(false);
    expect(eligible('{ __schema { queryType { name } } }', '{__schema{queryType{name}}}')).toBe(false);
    expect(eligible('{ shelf(id: 1) { id } }', 'mutation{shelf(id:1){id}}')).toBe(false);
    expect(eligible('{ shelf(id: 1) { id } }', 'not graphql')).toBe(false);
  });

  it('not through an interface or a union, nor a fragment on another type', () => {
    expect(eligible('{ thing { id } }', '{thing{id}}')).toBe(false);
    expect(eligible('{ either { ... on Book { id } } }', '{either{...on Book{id}}}')).toBe(false);
    expect(eligible('{ shelf(id: 1) { ... on Thing { id } } }', '{shelf(id:1){id}}')).toBe(false);
  });

  it('not for an enum with a value hidden from clients (the walk refuses it; a subgraph may send it)', () => {
    expect(eligible('{ mood }', '{mood}')).toBe(false);
    expect(eligible('{ shelf(id: 1) { mood } }', '{shelf(id:1){mood}}')).toBe(false);
    expect(eligible('{ tone shelf(id: 1) { tone } }', '{tone shelf(id:1){tone}}')).toBe(true);
  });

  it('decides once per client operation and fetch text', () => {
    const answers = new VerbatimAnswers(SUPERGRAPH);
    const client = incoming('{ shelf(id: 1) { id } }');
    expect(answers.eligible(client, '{shelf(id:1){id}}')).toBe(true);
    const spy = jest.spyOn(answers as unknown as { decide: () => boolean }, 'decide');
    expect(answers.eligible(client, '{shelf(id:1){id}}')).toBe(true);
    expect(spy).not.toHaveBeenCalled();
    expect(answers.eligible(client, '{shelf(id:1){__typename id}}')).toBe(false);
    expect(spy).toHaveBeenCalledTimes(1);
  });
});

describe("a subgraph's text", () => {
  it('is taken when it is data and nothing else', () => {
    expect(verbatimJson('{"data":{"a":1}}\n')).toBe('{"a":1}');
    expect(verbatimJson('{"data":{"a":{"b":[1,"x"]}}}')).toBe('{"a":{"b":[1,"x"]}}');
  });

  it('is parsed as before when it holds errors, extensions, null data, or is not an object', () => {
    expect(verbatimJson('{"errors":[{"message":"x"}],"data":{"a":null}}\n')).toBeUndefined();
    expect(verbatimJson('{"data":{"a":1},"extensions":{"cost":1}}\n')).toBeUndefined();
    expect(verbatimJson('{"data":null}\n')).toBeUndefined();
    expect(verbatimJson('{"data":{"a":1}')).toBeUndefined(); // cut short
    expect(verbatimJson('{"data":{"a":1}} x')).toBeUndefined();
    expect(verbatimJson('[]')).toBeUndefined();
    // The words anywhere (an alias, a value) send it the long way, which is never wrong.
    expect(verbatimJson('{"data":{"errors":1}}')).toBeUndefined();
    expect(verbatimJson('{"data":{"a":"extensions"}}')).toBeUndefined();
  });
});

describe('the answer written', () => {
  const cases: unknown[] = [{ a: 1, b: 'é"\\\n\u2028', c: null, d: [1.5, -0, 1e21, true], e: { f: [] } }, { constructor: 1, __proto__x: 2 }, {}];

  it("is Apollo's JSON.stringify of the result, verbatim or not, with the envelope's other keys in their order", () => {
    for (const data of cases) {
      const json = JSON.stringify(data);
      for (const envelope of [{}, { errors: [{ message: 'm', path: ['a'] }] }, { extensions: { x: 1 } }, { errors: undefined, extensions: undefined }]) {
        const plain = { ...envelope, data };
        const verbatim = { ...envelope, data: new VerbatimData(json) };
        expect(stringifyAnswer(verbatim)).toBe(JSON.stringify(plain) + '\n');
        expect(stringifyAnswer(plain)).toBe(JSON.stringify(plain) + '\n');
        // Anything else that writes or reads it gets the same data.
        expect(JSON.stringify(verbatim)).toBe(JSON.stringify(plain));
        expect(plainData(verbatim.data)).toEqual(JSON.parse(json));
      }
    }
  });

  it('is counted when it goes out verbatim', () => {
    const answers = new VerbatimAnswers(SUPERGRAPH);
    answers.stringify({ data: { a: 1 } });
    expect(answers.stats.answered).toBe(0);
    answers.stringify({ data: new VerbatimData('{"a":1}') });
    expect(answers.stats.answered).toBe(1);
  });
});
