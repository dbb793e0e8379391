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
import { Fuzz } from '@maison/testing';

/**
 * Generated operations over the real supergraph, and one stub answer for the three subgraphs, for
 * the tests that hold a shortcut of the gateway to its full path (apollo/verbatim-equivalence.test.ts,
 * apollo/prepared-operations.test.ts). The stub executes each fetch over the supergraph's types (hidden
 * ones included, `_entities` as a subgraph has it) with values drawn from a seed of the fetch's
 * body, so the same fetch gets the same answer: nulls, lists, every kind of leaf, texts with
 * quotes, line separators and the words "errors" and "extensions", and sometimes field errors.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const internals = require('@apollo/federation-internals') as any;
/* eslint-enable @typescript-eslint/no-require-imports */

const SDL = readFileSync(path.resolve(__dirname, '../supergraph.graphql'), 'utf8');
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

export function subgraphAnswer(body: string): string {
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

/** The values generated arguments take, by scalar; any other scalar takes a text. */
const SCALAR_VALUES: Record<string, unknown> = { Int: 1, Float: 1.5, Boolean: true, ID: '1', LocalDate: '2026-12-03', DateTime: '2026-12-03T15:00:00Z' };

/** An argument written in the document: a value of `inputValue`, as a GraphQL literal. */
function literal(type: GraphQLInputType, fuzz: Fuzz): string {
  return written(type, inputValue(type, fuzz));
}

function written(type: GraphQLInputType, value: unknown): string {
  if (isNonNullType(type)) return written(type.ofType, value);
  if (isListType(type)) return `[${(value as unknown[]).map((v) => written(type.ofType, v)).join(', ')}]`;
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    return `{ ${Object.entries(value as Record<string, unknown>)
      .map(([name, v]) => `${name}: ${written(fields[name]!.type, v)}`)
      .join(', ')} }`;
  }
  return isEnumType(type) ? String(value) : JSON.stringify(value);
}

/** A selection over `type`: fields with their required arguments, aliases, fragments, `__typename`, now and then a directive. */
function selection(type: GraphQLObjectType, depth: number, fuzz: Fuzz, fragments: string[], vars?: Variables, oneRootField = 0.6): string {
  const fields = Object.values(type.getFields()).filter((f) => depth < 3 || isLeafType(getNamedType(f.type)));
  if (fields.length === 0) return '__typename';
  const parts: string[] = [];
  // One root field more often than not: most operations of a front end ask one thing of one subgraph.
  const count = depth === 1 && fuzz.chance(oneRootField) ? 1 : fuzz.int(1, Math.min(4, fields.length));
  for (let i = count; i > 0; i--) {
    const field = fuzz.pick(fields);
    const args = field.args.filter((a) => isNonNullType(a.type) || fuzz.chance(0.15));
    const argText = args.length
      ? `(${args.map((a) => `${a.name}: ${vars && fuzz.chance(0.6) ? vars.add(a.type, fuzz) : literal(a.type, fuzz)}`).join(', ')})`
      : '';
    const alias = fuzz.chance(0.15) ? `${field.name}_${fuzz.int(1, 2)}: ` : '';
    const directive = fuzz.chance(0.04) ? ` @include(if: ${fuzz.chance(0.5)})` : '';
    const named = getNamedType(field.type);
    const sub = isObjectType(named) ? ` { ${selection(named, depth + 1, fuzz, fragments, vars)} }` : '';
    parts.push(`${alias}${field.name}${argText}${directive}${sub}`);
  }
  if (fuzz.chance(0.1)) parts.push('__typename');
  if (depth < 3 && fuzz.chance(0.1)) parts.push(`... on ${type.name} { ${selection(type, depth + 1, fuzz, fragments, vars)} }`);
  if (depth < 3 && fuzz.chance(0.1)) {
    const name = `F${fragments.length}`;
    fragments.push(`fragment ${name} on ${type.name} { ${selection(type, depth + 1, fuzz, fragments, vars)} }`);
    parts.push(`...${name}`);
  }
  return parts.join(' ');
}

/** A generated operation's variables: their definitions and the values sent. */
class Variables {
  readonly definitions: string[] = [];
  readonly values: Record<string, unknown> = {};
  add(type: GraphQLInputType, fuzz: Fuzz): string {
    const name = `v${this.definitions.length + 1}`;
    this.definitions.push(`$${name}: ${String(type)}`);
    this.values[name] = inputValue(type, fuzz);
    return `$${name}`;
  }
}

/** A value of an input type, as a variable carries it: required fields and now and then an optional one, the first value of an enum. */
function inputValue(type: GraphQLInputType, fuzz: Fuzz): unknown {
  if (isNonNullType(type)) return inputValue(type.ofType, fuzz);
  if (isListType(type)) return [inputValue(type.ofType, fuzz)];
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) if (isNonNullType(f.type) || fuzz.chance(0.2)) out[f.name] = inputValue(f.type, fuzz);
    return out;
  }
  if (isEnumType(type)) return type.getValues()[0]!.name;
  return SCALAR_VALUES[type.name] ?? 'cuisine';
}

export interface GeneratedOperation {
  query: string;
  variables: Record<string, unknown>;
}

/**
 * A query or mutation over the API schema (one in four a mutation): fields with their required
 * arguments, aliases, fragments, `__typename`, now and then a directive. With `variables`, most
 * arguments are variables, declared with the argument's type and given a valid value. `mutations`
 * is the share of mutations, `oneRootField` the share of operations that ask for one root field.
 */
export function generatedOperation(fuzz: Fuzz, options: { variables?: boolean; mutations?: number; oneRootField?: number } = {}): GeneratedOperation {
  const mutation = fuzz.chance(options.mutations ?? 0.25);
  const root = (mutation ? api.getMutationType() : api.getQueryType())!;
  const fragments: string[] = [];
  const vars = options.variables ? new Variables() : undefined;
  const body = selection(root, 1, fuzz, fragments, vars, options.oneRootField);
  const definitions = vars?.definitions.length ? `(${vars.definitions.join(', ')})` : '';
  return { query: [`${mutation ? 'mutation' : 'query'} Generated${definitions} { ${body} }`, ...fragments].join('\n'), variables: vars?.values ?? {} };
}

export const BENCH = [
  `query Exhibition($slug: String!) { exhibition(slug: $slug) { title description startsOn endsOn status
    artists { name bio disciplines artworks { title priceLabel } } artworks { title year medium priceLabel artist { name } } } }`,
  `query Kitchen($date: LocalDate!) { sharedSpace(slug: "cuisine") { name availability(date: $date, durationMinutes: 60) { startsAt endsAt } } }`,
  `mutation Book($input: BookSharedSpaceInput!) { bookSharedSpace(input: $input) { booking { id startsAt } userErrors { code } } }`,
];
export const BENCH_VARIABLES: Record<string, unknown>[] = [
  { slug: 'lumieres-du-fleuve' },
  { date: '2026-12-03' },
  { input: { spaceId: '1', startsAt: '2026-12-03T15:00:00Z', endsAt: '2026-12-03T16:00:00Z', title: 'Atelier' } },
];
