import { readFileSync } from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { parse } from 'graphql';
import { answerWith, Fuzz, listenStub } from '@maison/testing';
import { installOperationMemo } from './operation-memo';
import { apolloCompute, installResultShaping, planCompute, shapingPlans } from './result-shaping';
import { VERBATIM_KEY, VerbatimData } from './verbatim-answer';

/* eslint-disable @typescript-eslint/no-require-imports */
const internals = require('@apollo/federation-internals') as any;
const resultShaping = require('@apollo/gateway/dist/resultShaping') as { computeResponse: unknown };
/* eslint-enable @typescript-eslint/no-require-imports */

/** A schema with what ours does not use yet: an interface, a union, an enum, a custom scalar, lists of lists. */
const abstractSubgraph = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  scalar DateTime
  enum Colour { RED GREEN }
  interface Node { id: ID! }
  type Work implements Node @key(fields: "id") { id: ID! title: String! year: Int price: Float colour: Colour tags: [String!] at: DateTime by: Artist }
  type Artist implements Node { id: ID! name: String! works: [Work!]! sold: Boolean }
  union Found = Work | Artist
  type Query { node(id: ID!): Node search(text: String): [Found]! works: [Work!] artist: Artist! matrix: [[Int!]]! }`;

function apiSchemaOf(typeDefs: string): any {
  const composed = composeServices([{ name: 'one', url: 'http://127.0.0.1:1/graphql', typeDefs: parse(typeDefs) }]);
  if (!composed.supergraphSdl) throw new Error(String(composed.errors));
  return internals.Supergraph.build(composed.supergraphSdl).apiSchema();
}

const abstractSchema = apiSchemaOf(abstractSubgraph);
const ourSchema = internals.Supergraph.build(readFileSync(path.resolve(__dirname, '../../supergraph.graphql'), 'utf8')).apiSchema();

const operations: { schema: any; text: string }[] = [
  {
    schema: abstractSchema,
    text: `query Q($s: Boolean!, $i: Boolean = true) { works { id title @skip(if: $s) year ...W @include(if: $i) t2: title } artist { __typename name works { id colour } } }
      fragment W on Work { price colour tags at title }`,
  },
  { schema: abstractSchema, text: `{ node(id: "1") { __typename id ... on Work { title by { name } } ... on Artist { name works { id } } } }` },
  { schema: abstractSchema, text: `{ search { ... on Work { id t: title } ... on Node { id } ... on Artist { id name } kind: __typename } matrix }` },
  {
    schema: abstractSchema,
    text: `query R($s: Boolean = false) { artist { name @include(if: false) sold @skip(if: true) ...A ... @skip(if: $s) { name works { year } } } } fragment A on Artist { works { title } name }`,
  },
  { schema: abstractSchema, text: `{ __typename a: artist { __typename } __schema { queryType { name } } t: __type(name: "Work") { name } }` },
  {
    schema: abstractSchema,
    text: `{ artist { constructor: name toString: sold __proto__: works { hasOwnProperty: id valueOf: title } } works { title } }`,
  },
  {
    schema: ourSchema,
    text: `query Exhibition($slug: String!) { exhibition(slug: $slug) { title description startsOn endsOn status
      artists { name bio disciplines artworks { title priceLabel } } artworks { title year medium priceLabel artist { name } } } }`,
  },
  {
    schema: ourSchema,
    text: `query WhatsOn($from: LocalDate!, $to: LocalDate!) { calendar(from: $from, to: $to) { date
      spaceBookings { id title startsAt endsAt space { name } } coworkingEvents { id title startsAt endsAt room sharedSpace { name } }
      exhibitionsOnView { id title endsOn } vernissages { id title vernissage { startsAt venueName } } } }`,
  },
  {
    schema: ourSchema,
    text: `mutation Book($input: BookSharedSpaceInput!) { bookSharedSpace(input: $input) { booking { id startsAt } userErrors { code field message } } }`,
  },
  {
    schema: ourSchema,
    text: `query Kitchen($date: LocalDate!) { sharedSpace(slug: "cuisine") { name availability(date: $date, durationMinutes: 60) { startsAt endsAt } } }`,
  },
];

/** An answer for a selection, as a subgraph (or a broken one) might send: mostly right, sometimes wrong in every way shaping checks. */
function answerOf(fuzz: Fuzz, schema: any, selectionSet: any, parentType: any): any {
  const out: any = {};
  if (internals.isAbstractType(parentType) || fuzz.chance(0.2)) out.__typename = typenameFor(fuzz, schema, parentType);
  for (const selection of selectionSet.selections()) {
    if (fuzz.chance(0.04)) continue;
    const element = selection.element;
    if (selection.kind === 'FragmentSelection') {
      Object.assign(
        out,
        answerOf(fuzz, schema, selection.selectionSet, element.typeCondition ?? parentType),
        out.__typename ? { __typename: out.__typename } : {},
      );
    } else if (element.name === '__typename') {
      out[element.responseName()] = fuzz.pick([parentType.name, 'Work', 'Artist', 'Nope', 'String', null]);
    } else {
      out[element.responseName()] = valueOf(fuzz, schema, element.definition.type, selection.selectionSet);
    }
  }
  if (fuzz.chance(0.05)) out.unasked = 'x';
  return out;
}

function typenameFor(fuzz: Fuzz, schema: any, type: any): unknown {
  const runtime = internals.possibleRuntimeTypes(type).map((t: any) => t.name);
  if (fuzz.chance(0.9)) return fuzz.pick(runtime);
  return fuzz.pick(['Nope', 'String', '', type.name, ...(fuzz.chance(0.1) ? [42] : [])]);
}

function valueOf(fuzz: Fuzz, schema: any, type: any, selectionSet: any): unknown {
  if (internals.isNonNullType(type)) return fuzz.chance(0.04) ? null : valueOf(fuzz, schema, type.ofType, selectionSet);
  if (fuzz.chance(0.08)) return null;
  if (internals.isListType(type)) {
    if (fuzz.chance(0.01)) return 'not a list';
    return Array.from({ length: fuzz.int(0, 3) }, () => valueOf(fuzz, schema, type.ofType, selectionSet));
  }
  if (internals.isCompositeType(type)) {
    if (fuzz.chance(0.01)) return 'not an object';
    const concrete = internals.isAbstractType(type) ? schema.type(fuzz.pick(internals.possibleRuntimeTypes(type).map((t: any) => t.name))) : type;
    return answerOf(fuzz, schema, selectionSet, concrete);
  }
  const wrong = fuzz.pick<unknown>([1.5, 'x', true, 7, -0, 2 ** 40, Infinity, { o: 1 }, Number.NaN, undefined]);
  if (fuzz.chance(0.06)) return wrong;
  if (internals.isEnumType(type)) return fuzz.pick([...type.values.map((v: any) => v.name), 'BLUE']);
  switch (type.name) {
    case 'Int':
      return fuzz.int(-5, 5);
    case 'Float':
      return fuzz.pick([0.5, 2, -1.25]);
    case 'Boolean':
      return fuzz.chance(0.5);
    case 'ID':
      return fuzz.chance(0.5) ? `id-${fuzz.int(0, 9)}` : fuzz.int(0, 9);
    case 'String':
      return `s${fuzz.int(0, 99)}`;
    default:
      return fuzz.pick<unknown>(['2026-12-02', 3, { any: 'shape' }]);
  }
}

function variablesFor(fuzz: Fuzz, operation: any): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions.definitions()) {
    const name = definition.variable.name;
    if (definition.variable.name && `${definition.type}`.startsWith('Boolean')) {
      if (definition.defaultValue !== undefined && fuzz.chance(0.3)) continue;
      variables[name] = fuzz.chance(0.02) ? 'yes' : fuzz.chance(0.5);
    } else {
      variables[name] = 'any';
    }
  }
  return variables;
}

type Outcome = { data: string; errors: unknown[] } | { thrown: string };
function outcome(compute: typeof planCompute, operation: any, variables: Record<string, unknown>, input: any): Outcome {
  try {
    const { data, errors } = compute({ operation, variables, input, introspectionHandling: (s: any) => ({ introspected: s.element.responseName() }) });
    return { data: JSON.stringify(data), errors: errors.map((e: any) => ({ message: e.message, path: e.path, code: e.extensions?.code })) };
  } catch (error) {
    return { thrown: (error as Error).message };
  }
}

describe('result shaping over a plan of the operation', () => {
  it("answers what Apollo's computeResponse answers, value for value, error for error, over generated answers", () => {
    const seen = { answers: 0, withErrors: 0, nulledRoot: 0, thrown: 0 };
    operations.forEach(({ schema, text }, index) => {
      const operation = internals.operationFromDocument(schema, parse(text));
      const fuzz = new Fuzz(20261202 + index);
      for (let n = 0; n < 400; n++) {
        const input = n === 0 ? null : answerOf(fuzz, schema, operation.selectionSet, schema.schemaDefinition.rootType(operation.rootKind));
        const variables = variablesFor(fuzz, operation);
        const apollo = outcome(apolloCompute, operation, variables, input);
        const planned = outcome(planCompute, operation, variables, input);
        expect({ text, input, variables, planned }).toEqual({ text, input, variables, planned: apollo });
        if ('thrown' in apollo) seen.thrown += 1;
        else {
          seen.answers += 1;
          if (apollo.errors.length > 0) seen.withErrors += 1;
          if (apollo.data === 'null') seen.nulledRoot += 1;
        }
      }
    });
    // The generated answers reach every outcome: clean, with errors, nulls bubbled to the root, asserts.
    expect(seen.answers).toBeGreaterThan(2000);
    expect(seen.withErrors).toBeGreaterThan(300);
    expect(seen.nulledRoot).toBeGreaterThan(20);
    expect(seen.thrown).toBeGreaterThan(5);
  });

  it('builds the plan of an operation once, however many answers it shapes', () => {
    const operation = internals.operationFromDocument(abstractSchema, parse('{ artist { name } }'));
    const before = shapingPlans.built;
    for (let i = 0; i < 3; i++) planCompute({ operation, input: { artist: { name: 'Rita' } }, introspectionHandling: () => null });
    expect(shapingPlans.built).toBe(before + 1);
  });
  it('makes plain objects unless a response name is a property of Object.prototype, then null-prototype ones as Apollo does', () => {
    const shaped = (text: string, input: object) =>
      planCompute({ operation: internals.operationFromDocument(abstractSchema, parse(text)), input, introspectionHandling: () => null }).data;
    const plain = shaped('{ artist { name } }', { artist: { name: 'Rita' } });
    expect(Object.getPrototypeOf(plain.artist)).toBe(Object.prototype);
    const guarded = shaped('{ artist { constructor: name __proto__: sold } }', { artist: { constructor: 'Rita', __proto__: true } });
    expect(Object.getPrototypeOf(guarded.artist)).toBeNull();
    expect(JSON.stringify(guarded)).toBe('{"artist":{"constructor":"Rita","__proto__":null}}');
  });
  it('hands a verbatim answer on as the data, and shapes it with the rest when another fetch merged data beside it', () => {
    const operation = internals.operationFromDocument(abstractSchema, parse('{ artist { name sold } works { id } }'));
    const alone = { [VERBATIM_KEY]: new VerbatimData('{"artist":{"name":"Rita","sold":true}}') };
    const handed = planCompute({ operation, input: alone, introspectionHandling: () => null });
    expect(handed.data).toBeInstanceOf(VerbatimData);
    expect(handed.errors).toEqual([]);
    const beside = { works: [{ id: '1' }], [VERBATIM_KEY]: new VerbatimData('{"artist":{"sold":true,"name":"Rita","extra":1}}') };
    const merged = planCompute({ operation, input: beside, introspectionHandling: () => null });
    expect(JSON.stringify(merged.data)).toBe('{"artist":{"name":"Rita","sold":true},"works":[{"id":"1"}]}');
  });
});

describe('through a real gateway', () => {
  let subgraph: Awaited<ReturnType<typeof listenStub>>;
  let apollo: ApolloServer;
  beforeAll(async () => {
    // Out of order, with a field not asked for and a wrong leaf: what the gateway answers is shaped.
    subgraph = await listenStub(answerWith('{"data":{"artist":{"sold":"maybe","name":"Rita","extra":1,"__typename":"Artist"}}}'));
    const composed = composeServices([{ name: 'one', url: subgraph.url, typeDefs: parse(abstractSubgraph) }]);
    installOperationMemo(); // as the gateway does: one Operation per query text, so one plan
    installResultShaping();
    apollo = new ApolloServer({
      gateway: new ApolloGateway({ supergraphSdl: composed.supergraphSdl!, buildService: ({ url }) => new RemoteGraphQLDataSource({ url }) }),
    });
    await apollo.start();
  });
  afterAll(async () => {
    await apollo.stop();
    await subgraph.close();
  });

  it("is what executeQueryPlan calls, and its answers are the gateway's", async () => {
    expect(resultShaping.computeResponse).toBe(planCompute);
    const before = shapingPlans.built;
    for (let i = 0; i < 3; i++) {
      const { body } = await apollo.executeOperation({ query: 'query A { artist { name sold } }' });
      expect(body).toMatchObject({
        kind: 'single',
        singleResult: {
          data: { artist: { name: 'Rita', sold: null } },
          extensions: { valueCompletion: [{ message: 'Invalid value found for field Artist.sold.' }] },
        },
      });
    }
    expect(shapingPlans.built).toBe(before + 1);
  });
});
