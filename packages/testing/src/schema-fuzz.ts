import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isRequiredArgument,
  isRequiredInputField,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import type { Fuzz } from './fuzz';

/**
 * Operations for every argument of every field of Query and Mutation (and every field of their
 * input objects, nested; and the arguments of the fields below a query field without any, such as
 * sharedSpaces { availability(date:) }), each valid but for one hostile value, sent once as a literal and once
 * as a variable. The other arguments get plain values, so that the operation reaches the value
 * under test; the selection is the return type's scalars, one level of its objects, and userErrors.
 */
export interface SchemaFuzzCase {
  root: 'query' | 'mutation';
  field: string;
  /** Where the hostile value is: `input.title.fr`, `ids` (lists are transparent). */
  argument: string;
  /** The hostile value (an EnumName is an enum value written bare in a literal). */
  value: unknown;
  mode: 'literal' | 'variable';
  query: string;
  variables: Record<string, unknown>;
}

/** An enum value: bare in a literal (`status: NOPE`), a string in JSON variables. */
export class EnumName {
  constructor(readonly name: string) {}
  toJSON(): string {
    return this.name;
  }
}

export interface SchemaFuzzOptions {
  /** Hostile values per argument path (each sent as a literal and as a variable). */
  perArgument: number;
  /** Known ids by a word of the argument's name (`member`, `space`…); `any` for the rest. */
  ids: Record<string, readonly string[]>;
  /** How deep nested input objects are walked for argument paths. */
  maxInputDepth?: number;
  /** Plain dates and times are some days after this (default: now), where booking horizons allow them. */
  now?: Date;
}

interface Target {
  root: 'query' | 'mutation';
  /** The fields without arguments the field is reached through (`sharedSpaces` for SharedSpace.availability); none for a root field. */
  via: string[];
  field: GraphQLField<unknown, unknown>;
  /** Argument name, then input field names. */
  path: string[];
  type: GraphQLInputType;
}

function rootFields(schema: GraphQLSchema): ['query' | 'mutation', GraphQLField<unknown, unknown>][] {
  const roots = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const;
  return roots.flatMap(([root, type]) =>
    Object.values(type?.getFields() ?? {}).map((f) => [root, f] as ['query' | 'mutation', GraphQLField<unknown, unknown>]),
  );
}

/** The fields of Query and Mutation without arguments: each is asked once, as it is (what a caller may do with it is its selection). */
const fieldsWithoutArguments = (schema: GraphQLSchema) => rootFields(schema).filter(([, f]) => f.args.length === 0);

/** Every (field, argument path) of Query and Mutation, nested input fields included. */
export function schemaFuzzTargets(schema: GraphQLSchema, maxInputDepth = 4): Target[] {
  const targets: Target[] = [];
  for (const [root, field] of rootFields(schema)) {
    for (const arg of field.args) walkInput(arg.type, [arg.name], new Set(), (path, t) => targets.push({ root, via: [], field, path, type: t }), maxInputDepth);
    if (root === 'query' && field.args.length === 0)
      nestedFields(field.type, [field.name], (via, nested) => targets.push(...argumentTargets(via, nested, maxInputDepth)));
  }
  return targets;
}

const argumentTargets = (via: string[], field: GraphQLField<unknown, unknown>, maxInputDepth: number): Target[] => {
  const targets: Target[] = [];
  for (const arg of field.args)
    walkInput(arg.type, [arg.name], new Set(), (path, t) => targets.push({ root: 'query', via, field, path, type: t }), maxInputDepth);
  return targets;
};

/** The fields with arguments below a root query field without any, through fields without arguments (two levels at most). */
function nestedFields(type: GraphQLOutputType, via: string[], visit: (via: string[], field: GraphQLField<unknown, unknown>) => void): void {
  const named = getNamedType(type);
  if (!isObjectType(named) || via.length > 2) return;
  for (const field of Object.values(named.getFields())) {
    if (field.args.length > 0) visit(via, field);
    else nestedFields(field.type, [...via, field.name], visit);
  }
}

function walkInput(type: GraphQLInputType, path: string[], seen: Set<string>, visit: (path: string[], type: GraphQLInputType) => void, depth: number): void {
  visit(path, type);
  const named = getNamedType(type);
  if (!isInputObjectType(named) || seen.has(named.name) || path.length > depth) return;
  const next = new Set(seen).add(named.name);
  for (const f of Object.values(named.getFields())) walkInput(f.type, [...path, f.name], next, visit, depth);
}

/** All the cases: for each target, `perArgument` hostile values, each as a literal and as a variable. */
export function schemaFuzzCases(schema: GraphQLSchema, fuzz: Fuzz, options: SchemaFuzzOptions): SchemaFuzzCase[] {
  const cases: SchemaFuzzCase[] = [];
  for (const [root, field] of fieldsWithoutArguments(schema)) {
    for (const mode of ['literal', 'variable'] as const)
      cases.push({ root, field: field.name, argument: '', value: undefined, mode, ...operation(root, field, {}, mode) });
  }
  for (const target of schemaFuzzTargets(schema, options.maxInputDepth)) {
    for (let i = 0; i < options.perArgument; i += 1) {
      const name = [...target.via, target.field.name].join('.');
      const values = new Values(fuzz, options.ids, `${name}.${target.path.join('.')}`, options.now ?? new Date());
      const hostile = values.hostile(target.type);
      const args: Record<string, unknown> = {};
      for (const arg of target.field.args) {
        if (arg.name === target.path[0]) args[arg.name] = values.withValueAt(arg.type, target.path.slice(1), hostile);
        else if (isRequiredArgument(arg)) args[arg.name] = values.plain(arg.type, arg.name);
      }
      for (const mode of ['literal', 'variable'] as const) {
        cases.push({
          root: target.root,
          field: name,
          argument: target.path.join('.'),
          value: hostile,
          mode,
          ...operation(target.root, target.field, args, mode, target.via),
        });
      }
    }
  }
  return cases;
}

function operation(
  root: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
  args: Record<string, unknown>,
  mode: 'literal' | 'variable',
  via: string[] = [],
): { query: string; variables: Record<string, unknown> } {
  const given = field.args.filter((a) => a.name in args);
  const selection = selectionOf(field.type);
  const around = (inner: string) => via.reduceRight((text, name) => `${name} { __typename ${text} }`, inner);
  if (mode === 'literal') {
    const list = given.map((a) => `${a.name}: ${literal(args[a.name])}`).join(', ');
    return { query: `${root} { ${around(`${field.name}${list ? `(${list})` : ''}${selection}`)} }`, variables: {} };
  }
  const definitions = given.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const list = given.map((a) => `${a.name}: $${a.name}`).join(', ');
  const variables = Object.fromEntries(given.map((a) => [a.name, args[a.name]]));
  return { query: `${root}${definitions ? `(${definitions})` : ''} { ${around(`${field.name}${list ? `(${list})` : ''}${selection}`)} }`, variables };
}

/** A value written as a GraphQL literal (JSON's string escapes are GraphQL's). */
export function literal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof EnumName) return /^[_A-Za-z][_0-9A-Za-z]*$/.test(value.name) ? value.name : JSON.stringify(value.name);
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (typeof value === 'object')
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${k}: ${literal(v)}`)
      .join(', ')} }`;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : JSON.stringify(String(value));
  return JSON.stringify(value);
}

const MAX_LEAVES = 8;
const MAX_OBJECTS = 4;

/** The return type's scalars, one level of its objects' scalars, and userErrors { code field message }. */
export function selectionOf(type: GraphQLOutputType, depth = 0): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named) && !isInterfaceType(named)) return ' { __typename }';
  const fields = Object.values(named.getFields()).filter((f) => !f.args.some(isRequiredArgument));
  const leaves = fields.filter((f) => isLeafType(getNamedType(f.type))).slice(0, MAX_LEAVES);
  const parts = ['__typename', ...leaves.map((f) => f.name)];
  const userErrors = fields.find((f) => f.name === 'userErrors');
  if (userErrors) parts.push('userErrors { code field message }');
  if (depth === 0) {
    const objects = fields.filter((f) => f !== userErrors && !isLeafType(getNamedType(f.type))).slice(0, MAX_OBJECTS);
    for (const f of objects) parts.push(`${f.name}${selectionOf(f.type, depth + 1)}`);
  }
  return ` { ${parts.join(' ')} }`;
}

const DUPLICATES = 50;
const HUGE_LIST = 10_000;

/** The values of one target: plain ones for the other arguments, hostile ones for the target. */
class Values {
  constructor(
    private readonly fuzz: Fuzz,
    private readonly ids: Record<string, readonly string[]>,
    private readonly where: string,
    now: Date,
  ) {
    // One day for the plain dates and times of the whole operation: a start and an end 1 h later.
    const day = new Date(now.getTime() + fuzz.int(2, 40) * 86_400_000);
    this.start = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), fuzz.int(14, 20)));
  }

  private readonly start: Date;
  /** A hostile date or time also given to the other arguments of its scalar (from and to both 9999-12-31), half the time. */
  private twin: { scalar: string; value: unknown } | undefined;

  private idsFor(name: string): readonly string[] {
    const words = `${name} ${this.where}`.toLowerCase();
    const word = Object.keys(this.ids).find((w) => w !== 'any' && words.includes(w));
    return (word && this.ids[word]) || this.ids.any || [];
  }

  /** A value of the type that its coercion accepts (required input fields only). */
  plain(type: GraphQLInputType, name: string): unknown {
    const nullable = getNullableType(type);
    if (isListType(nullable)) return [this.plain(nullable.ofType, name)];
    if (isEnumType(nullable)) return new EnumName(nullable.getValues()[0]!.name);
    if (isInputObjectType(nullable)) {
      const fields = Object.values(nullable.getFields()).filter(isRequiredInputField);
      return Object.fromEntries(fields.map((f) => [f.name, this.plain(f.type, f.name)]));
    }
    const last = /end|to$|until/i.test(name);
    if (this.twin?.scalar === nullable.name) return this.twin.value;
    switch (nullable.name) {
      case 'ID': {
        const known = this.idsFor(name);
        return known.length ? this.fuzz.pick(known) : '00000000-0000-4000-8000-000000000001';
      }
      case 'Int':
        return /capacity|first|count|cents/i.test(name) ? 10 : 1;
      case 'Float':
        return 1.5;
      case 'Boolean':
        return false;
      case 'DateTime':
        return new Date(this.start.getTime() + (last ? 3_600_000 : 0)).toISOString();
      case 'LocalDate':
        return new Date(this.start.getTime() + (last ? 30 * 86_400_000 : 0)).toISOString().slice(0, 10);
      default:
        if (/email/i.test(name)) return `fuzz-${this.fuzz.int(0, 1e9)}@example.com`;
        if (/slug/i.test(name)) return `fuzz-${this.fuzz.int(0, 1e9)}`;
        if (/^(fr|en|name|title)$/i.test(name)) return 'Atelier fuzz';
        return 'fuzz';
    }
  }

  /** The plain value of the type with `hostile` at `path` (input field names; lists take one item). */
  withValueAt(type: GraphQLInputType, path: string[], hostile: unknown): unknown {
    if (path.length === 0) return hostile;
    const nullable = getNullableType(type);
    if (isListType(nullable)) return [this.withValueAt(nullable.ofType, path, hostile)];
    if (!isInputObjectType(nullable)) return hostile;
    const value = this.plain(nullable, path[0]!) as Record<string, unknown>;
    const field = nullable.getFields()[path[0]!]!;
    value[field.name] = this.withValueAt(field.type, path.slice(1), hostile);
    return value;
  }

  /** A hostile value for the type: null (even for a non-null type), or one its kind invites. */
  hostile(type: GraphQLInputType): unknown {
    if (this.fuzz.chance(isNonNullType(type) ? 0.1 : 0.15)) return null;
    const nullable = getNullableType(type);
    const name = this.where.split('.').at(-1)!;
    if (isListType(nullable)) {
      const item = nullable.ofType;
      return this.fuzz.pick<() => unknown>([
        () => [],
        () => [null],
        () => Array.from({ length: HUGE_LIST }, () => this.plain(item, name)),
        () => Array.from({ length: DUPLICATES }, () => this.plain(item, name)),
        () => [this.hostile(item), this.plain(item, name)],
        () => this.fuzz.nested(this.plain(item, name), this.fuzz.pick([2, 5, 64, 1000])),
        () => this.hostile(item),
      ])();
    }
    if (isEnumType(nullable)) {
      const wrong = this.fuzz.hostileEnum(nullable.getValues().map((v) => v.name));
      return typeof wrong === 'string' ? new EnumName(wrong) : wrong;
    }
    if (isInputObjectType(nullable)) {
      const plain = this.plain(nullable, name) as Record<string, unknown>;
      const first = Object.keys(nullable.getFields())[0]!;
      return this.fuzz.pick<() => unknown>([
        () => ({}),
        () => ({ ...plain, notAField: 1 }),
        () => 'an object',
        () => [plain, plain],
        () => nestObject(first, plain, this.fuzz.pick([2, 10, 64, 1000])),
      ])();
    }
    switch (nullable.name) {
      case 'ID':
        return this.fuzz.hostileId(this.idsFor(name));
      case 'Int':
        return this.fuzz.hostileInt();
      case 'Float':
        return this.fuzz.hostileFloat();
      case 'Boolean':
        return this.fuzz.pick<unknown>(['true', 0, 1, 'false']);
      case 'DateTime':
      case 'LocalDate': {
        const value = this.fuzz.chance(0.2)
          ? this.fuzz.hostileText()
          : nullable.name === 'DateTime'
            ? this.fuzz.hostileDateTime()
            : this.fuzz.hostileLocalDate();
        if (this.fuzz.chance(0.5)) this.twin = { scalar: nullable.name, value };
        return value;
      }
      default:
        if (name === 'after' && this.fuzz.chance(0.6)) return this.fuzz.forgedCursor(this.idsFor(name));
        return this.fuzz.chance(0.9) ? this.fuzz.hostileText() : this.fuzz.hostileInt();
    }
  }
}

/** `{ field: { field: … plain … } }`, `depth` levels: deeper than any input type allows. */
function nestObject(field: string, inner: Record<string, unknown>, depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = inner;
  for (let i = 0; i < depth; i += 1) value = { ...inner, [field]: value };
  return value;
}
