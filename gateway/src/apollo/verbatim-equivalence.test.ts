import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildASTSchema,
  execute,
  extendSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
} from 'graphql';
import { ANONYMOUS } from '@maison/auth';
import { Fuzz, listenStub } from '@maison/testing';
import type { Gateway } from '../gateway';
import { gatewayOverStub } from '../stub-gateway';
import { VerbatimData } from './verbatim-answer';

/* eslint-disable @typescript-eslint/no-require-imports */
const internals = require('@apollo/federation-internals') as any;
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * A verbatim answer is the answer the gateway would have written otherwise, byte for byte, over the
 * real supergraph and planner. One stub plays the three subgraphs: it executes each fetch over the
 * supergraph's types (hidden ones included, `_entities` as a subgraph has it) with values drawn from
 * a seed of the fetch's body, so the same fetch gets the same answer: nulls, lists, every kind of
 * leaf, texts with quotes, line separators and the words "errors" and "extensions", and sometimes
 * field errors. Hundreds of generated operations (fragments, aliases, merged fields, `__typename`,
 * directives, queries across subgraphs, mutations) go through the HTTP path, which may answer
 * verbatim, and through `executeOperation`, which never does; the two texts must be equal, and the
 * HTTP path must have answered verbatim often.
 */
const SDL = readFileSync(path.resolve(__dirname, '../../supergraph.graphql'), 'utf8');
const api: import('graphql').GraphQLSchema = internals.Supergraph.build(SDL).apiSchema().toGraphQLJSSchema();
const supergraph = buildASTSchema(parse(SDL), { assumeValidSDL: true });
const entityTypes = Object.values(supergraph.getTypeMap()).filter(
  (t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith('__') && ![supergraph.getQueryType(), supergraph.getMutationType()].includes(t),
);
const subgraph = extendSchema(
  supergraph,
  parse(`scalar _Any\nunion _Entity = ${entityTypes.map((t) => t.name).join(' | ')}\nextend type Query { _entities(representations: [_Any!]!): [_Entity]! }`),
  { assumeValidSDL: true },
);

const TEXTS = ['', 'Le Vivoir', 'é "guillemets" \\ barre', 'ligne\nsuivante\u2028', 'x'.repeat(40)];
/** Now and then a text that sends the answer the long way (verbatimJson). */
const WORDS = ['errors', 'extensions'];
function leaf(type: GraphQLOutputType, fuzz: Fuzz): unknown {
  const named = getNamedType(type);
  if (isEnumType(named)) return fuzz.pick(named.getValues()).value;
  switch (named.name) {
    case 'Int':
      return fuzz.pick([0, 1, -1, 42, 2147483647, -2147483648]);
    case 'Float':
      return fuzz.pick([0, 1.5, -0, 0.1, 1e21, 123456.789]);
    case 'Boolean':
      return fuzz.chance(0.5);
    case 'ID':
      return fuzz.pick(['1', 'a1b2c3', '7f0c1e2a-0000-4000-8000-000000000001']);
    case 'LocalDate':
      return fuzz.pick(['2026-12-03', '2027-02-28']);
    case 'DateTime':
      return fuzz.pick(['2026-12-03T15:00:00.000Z', '2027-01-01T05:30:00.000Z']);
    default:
      return fuzz.chance(0.01) ? fuzz.pick(WORDS) : fuzz.pick(TEXTS);
  }
}

/** Values for a field: objects are `{}` that the same resolver fills in, field by field. */
function value(type: GraphQLOutputType, fuzz: Fuzz): unknown {
  if (!isNonNullType(type) && fuzz.chance(0.08)) return null;
  if (!isNonNullType(type) && fuzz.chance(0.02)) throw new Error('panne simulée');
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return Array.from({ length: fuzz.int(0, 3) }, () => value(inner.ofType, fuzz));
  return isLeafType(getNamedType(inner)) ? leaf(inner, fuzz) : {};
}

function answer(body: string): string {
  const { query, variables } = JSON.parse(body) as { query: string; variables?: Record<string, unknown> };
  const fuzz = new Fuzz(createHash('sha256').update(body).digest().readUInt32LE(0));
  const result = execute({
    schema: subgraph,
    document: parse(query),
    variableValues: variables,
    fieldResolver: (_source: unknown, args: Record<string, unknown>, _context: unknown, info: GraphQLResolveInfo) =>
      info.fieldName === '_entities'
        ? (args.representations as { __typename: string }[]).map((r) => ({ __typename: r.__typename }))
        : value(info.returnType, fuzz),
    typeResolver: (v: { __typename: string }) => v.__typename,
  }) as import('graphql').ExecutionResult;
  // As Apollo Server writes it: errors, then data.
  const errors = result.errors?.map((e) => ({ message: e.message, locations: e.locations, path: e.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } }));
  return JSON.stringify({ errors, data: result.data }) + '\n';
}

function literal(type: GraphQLInputType, fuzz: Fuzz): string {
  if (isNonNullType(type)) return literal(type.ofType, fuzz);
  if (isListType(type)) return `[${literal(type.ofType, fuzz)}]`;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) || fuzz.chance(0.2));
    return `{ ${fields.map((f) => `${f.name}: ${literal(f.type, fuzz)}`).join(', ')} }`;
  }
  if (isEnumType(type)) return type.getValues()[0]!.name;
  return JSON.stringify({ Int: 1, Float: 1.5, Boolean: true, ID: '1', LocalDate: '2026-12-03', DateTime: '2026-12-03T15:00:00Z' }[type.name] ?? 'cuisine');
}

/** A selection over `type`: fields with their required arguments, aliases, fragments, `__typename`, now and then a directive. */
function selection(type: GraphQLObjectType, depth: number, fuzz: Fuzz, fragments: string[]): string {
  const fields = Object.values(type.getFields()).filter((f) => depth < 3 || isLeafType(getNamedType(f.type)));
  if (fields.length === 0) return '__typename';
  const parts: string[] = [];
  // One root field more often than not: most operations of a front end ask one thing of one subgraph.
  const count = depth === 1 && fuzz.chance(0.6) ? 1 : fuzz.int(1, Math.min(4, fields.length));
  for (let i = count; i > 0; i--) {
    const field = fuzz.pick(fields);
    const args = field.args.filter((a) => isNonNullType(a.type) || fuzz.chance(0.15));
    const argText = args.length ? `(${args.map((a) => `${a.name}: ${literal(a.type, fuzz)}`).join(', ')})` : '';
    const alias = fuzz.chance(0.15) ? `${field.name}_${fuzz.int(1, 2)}: ` : '';
    const directive = fuzz.chance(0.04) ? ` @include(if: ${fuzz.chance(0.5)})` : '';
    const named = getNamedType(field.type);
    const sub = isObjectType(named) ? ` { ${selection(named, depth + 1, fuzz, fragments)} }` : '';
    parts.push(`${alias}${field.name}${argText}${directive}${sub}`);
  }
  if (fuzz.chance(0.1)) parts.push('__typename');
  if (depth < 3 && fuzz.chance(0.1)) parts.push(`... on ${type.name} { ${selection(type, depth + 1, fuzz, fragments)} }`);
  if (depth < 3 && fuzz.chance(0.1)) {
    const name = `F${fragments.length}`;
    fragments.push(`fragment ${name} on ${type.name} { ${selection(type, depth + 1, fuzz, fragments)} }`);
    parts.push(`...${name}`);
  }
  return parts.join(' ');
}

function operation(fuzz: Fuzz): string {
  const mutation = fuzz.chance(0.25);
  const root = (mutation ? api.getMutationType() : api.getQueryType())!;
  const fragments: string[] = [];
  const body = selection(root, 1, fuzz, fragments);
  return [`${mutation ? 'mutation' : 'query'} Generated { ${body} }`, ...fragments].join('\n');
}

const BENCH = [
  `query Exhibition($slug: String!) { exhibition(slug: $slug) { title description startsOn endsOn status
    artists { name bio disciplines artworks { title priceLabel } } artworks { title year medium priceLabel artist { name } } } }`,
  `query Kitchen($date: LocalDate!) { sharedSpace(slug: "cuisine") { name availability(date: $date, durationMinutes: 60) { startsAt endsAt } } }`,
  `mutation Book($input: BookSharedSpaceInput!) { bookSharedSpace(input: $input) { booking { id startsAt } userErrors { code } } }`,
];
const BENCH_VARIABLES = [
  { slug: 'lumieres-du-fleuve' },
  { date: '2026-12-03' },
  { input: { spaceId: '1', startsAt: '2026-12-03T15:00:00Z', endsAt: '2026-12-03T16:00:00Z', title: 'Atelier' } },
];

let stub: Awaited<ReturnType<typeof listenStub>>;
let gateway: Gateway;
let url: string;
beforeAll(async () => {
  stub = await listenStub((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(answer(Buffer.concat(chunks).toString('utf8'))));
  });
  ({ gateway, url } = await gatewayOverStub(stub.url, {
    MAX_QUERY_COST: '100000000',
    RATE_LIMIT_PER_MINUTE: '1000000',
    RATE_LIMIT_MUTATIONS_PER_MINUTE: '1000000',
  }));
});
afterAll(async () => {
  await gateway?.close();
  stub?.server.closeAllConnections();
  await stub?.close();
});

/** The answer's text through the HTTP path, and whether it went out verbatim. */
async function overHttp(query: string, variables: Record<string, unknown>): Promise<{ text: string; verbatim: boolean }> {
  const before = gateway.verbatimStats.answered;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'fr' },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { text, verbatim: gateway.verbatimStats.answered === before + 1 };
}

/** The same through executeOperation, written as Apollo's HTTP path writes it. */
async function inProcess(query: string, variables: Record<string, unknown>): Promise<string> {
  const response = await gateway.apollo.executeOperation(
    { query, variables },
    { contextValue: { identity: ANONYMOUS, lang: 'fr', requestId: 'in-process', subgraphFailures: [] } },
  );
  if (response.body.kind !== 'single') throw new Error('incremental answer');
  const { errors, data, extensions } = response.body.singleResult;
  expect(data instanceof VerbatimData).toBe(false);
  return JSON.stringify({ errors, data, extensions }) + '\n';
}

/** Stack traces (NODE_ENV=test) differ between the two paths by their frames; nothing else may. */
const withoutStacks = (text: string) =>
  text.includes('"stacktrace"') ? JSON.stringify(JSON.parse(text, (key, v: unknown) => (key === 'stacktrace' ? undefined : v))) + '\n' : text;

it("answers the bench's one-fetch operations verbatim, as the walk would", async () => {
  for (const [i, query] of BENCH.entries()) {
    const http = await overHttp(query, BENCH_VARIABLES[i]!);
    expect(http.verbatim).toBe(true);
    expect(http.text).toBe(await inProcess(query, BENCH_VARIABLES[i]!));
  }
});

it('answers every generated operation as the walk would, and often verbatim', async () => {
  const fuzz = new Fuzz(Number(process.env.VERBATIM_SEED ?? 20261202));
  const counts = { operations: 0, verbatim: 0, verbatimMutations: 0, withErrors: 0, differ: [] as string[] };
  for (let i = 0; i < 400; i++) {
    const query = operation(fuzz);
    const http = await overHttp(query, {});
    const expected = await inProcess(query, {});
    counts.operations += 1;
    if (http.verbatim) counts.verbatim += 1;
    if (http.verbatim && query.startsWith('mutation')) counts.verbatimMutations += 1;
    if (expected.startsWith('{"errors"')) counts.withErrors += 1;
    if (withoutStacks(http.text) !== withoutStacks(expected)) counts.differ.push(`${query}\nHTTP:      ${http.text}in process: ${expected}`);
  }
  expect(counts.differ.slice(0, 3)).toEqual([]);
  // The generator reaches both paths and both kinds of answer.
  expect(counts.verbatim).toBeGreaterThan(counts.operations * 0.15);
  expect(counts.verbatimMutations).toBeGreaterThan(5);
  expect(counts.operations - counts.verbatim).toBeGreaterThan(counts.operations * 0.3);
  expect(counts.withErrors).toBeGreaterThan(20);
});
