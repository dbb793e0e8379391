import {
  getNamedType,
  isAbstractType,
  isEnumType,
  isObjectType,
  Kind,
  parse,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * Answers a subgraph's JSON text as it came, when the query plan is one fetch that asks the subgraph
 * for exactly what the client asked for.
 *
 * Otherwise `@apollo/gateway` parses the subgraph's answer, walks it once more over the client's
 * selection (result-shaping.ts) and Apollo Server stringifies the copy: three passes over the
 * answer, and their garbage, for a result equal to the text the subgraph sent. The walk is the
 * identity when:
 *
 * - the fetch's selection, fields collected as GraphQL execution collects them (response names in
 *   the order of their first appearance, the selections of a name merged), is the client's: same
 *   response names and fields in the same order; so the planner added nothing (no `__typename` of
 *   its own, no key fields, no other fetch) and took nothing away (introspection). Arguments do
 *   not matter: the walk never reads them, and the planner writes some its own way (`id: "1"`
 *   becomes `id:1`);
 * - no selection has a directive (`@skip`/`@include` are evaluated by the subgraph just the same,
 *   but the walk is not then provably the identity) and every fragment is on the type it is spread in;
 * - no selected type is abstract (a `__typename` of a subgraph may name a type hidden from
 *   clients) and no selected enum has a value that is `@inaccessible` in the supergraph (the walk
 *   turns such a value into an error; the subgraph may send it);
 * - the answer has no errors and no extensions: its text is `{"data":{...}}` (the subgraphs are
 *   Apollo Servers, whose answers have only `errors`, `data` and `extensions`, in that order). A
 *   text that holds `"errors"` or `"extensions"` anywhere (an alias, a value) is parsed as before.
 *
 * Leaves need no check: a field non-null in the supergraph is non-null in every subgraph that
 * resolves it (composition keeps the least strict type of an output field), and a subgraph's
 * GraphQL.js serialises every leaf by its schema; both the subgraph and the gateway write with
 * `JSON.stringify`, so the text is byte for byte what the walk and Apollo would have written. The
 * supergraph is composed from the subgraphs this repository runs (`npm run compose`, checked by
 * `tests/composition.test.ts`: the committed SDL of each subgraph is what its code generates).
 *
 * How it travels: the data source returns `{ [VERBATIM_KEY]: VerbatimData }` as the fetch's data
 * (a key no GraphQL name can be), `@apollo/gateway` merges it into the root object, the shaping
 * (result-shaping.ts) hands it on as the data, and `stringifyAnswer` (Apollo's `stringifyResult`)
 * writes it as it is. The one plugin that reads a clean answer's data, the response cache's rule
 * for mutations, reads it through `plainData` (the unavailable paths never meet it: a failed call
 * answers nothing verbatim); a `JSON.stringify` anywhere else gets the same JSON through `toJSON`. Only the HTTP path asks for
 * it (`GatewayContext.verbatim`): `executeOperation` (the calendar feed, tests) always gets objects.
 */
export const VERBATIM_KEY = '\u0000verbatim';

/** The JSON text of an answer's data, as the subgraph wrote it. */
export class VerbatimData {
  private parsed: unknown;
  constructor(readonly json: string) {}
  /** The data as objects (parsed once, on demand). */
  value(): Record<string, unknown> {
    if (this.parsed === undefined) this.parsed = JSON.parse(this.json);
    return this.parsed as Record<string, unknown>;
  }
  toJSON(): unknown {
    return this.value();
  }
}

/** The data of an answer as objects, whichever way it travelled. */
export function plainData<T>(data: T | VerbatimData): T | Record<string, unknown> {
  return data instanceof VerbatimData ? data.value() : data;
}

/** The JSON text of a subgraph answer's data when the answer is `{"data":{...}}` and nothing else, or undefined. */
export function verbatimJson(body: string): string | undefined {
  if (!body.startsWith('{"data":{')) return undefined;
  if (body.includes('"errors"') || body.includes('"extensions"')) return undefined;
  let end = body.length;
  while (end > 0 && (body.charCodeAt(end - 1) === 10 || body.charCodeAt(end - 1) === 13 || body.charCodeAt(end - 1) === 32)) end--;
  // The envelope's brace and the data's. The text is not parsed: a subgraph is an Apollo Server that
  // writes with JSON.stringify, and the HTTP client checks that the whole body arrived.
  if (body.charCodeAt(end - 1) !== 125 || body.charCodeAt(end - 2) !== 125) return undefined;
  return body.slice(8, end - 1);
}

/**
 * Apollo Server's own `stringifyResult` (`JSON.stringify(value) + '\n'`), except that verbatim data
 * is written as the text it is. The keys are written in the order Apollo gives them.
 */
export function stringifyAnswer(value: object & { data?: unknown }): string {
  const data = value.data;
  if (!(data instanceof VerbatimData)) return JSON.stringify(value) + '\n';
  let out = '{';
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined || typeof item === 'function') continue;
    if (out.length > 1) out += ',';
    out += JSON.stringify(key) + ':' + (key === 'data' ? data.json : JSON.stringify(item));
  }
  return out + '}\n';
}

/** The response names of a selection set, each with its fields, as execution collects them (`collect` says false where a rule above fails). */
type Collected = Map<string, FieldNode[]>;

function collect(set: SelectionSetNode, parent: GraphQLObjectType, fragments: ReadonlyMap<string, FragmentDefinitionNode>, out: Collected): boolean {
  for (const selection of set.selections) {
    if (selection.directives?.length) return false;
    if (selection.kind === Kind.FIELD) {
      const key = (selection.alias ?? selection.name).value;
      const fields = out.get(key);
      if (fields) fields.push(selection);
      else out.set(key, [selection]);
      continue;
    }
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
    if (!fragment) return false;
    if (fragment.typeCondition && fragment.typeCondition.name.value !== parent.name) return false;
    if (fragment !== selection && fragment.directives?.length) return false;
    if (!collect(fragment.selectionSet, parent, fragments, out)) return false;
  }
  return true;
}

interface Side {
  sets: SelectionSetNode[];
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
}

function sameSelections(client: Side, fetch: Side, parent: GraphQLObjectType, hiddenEnums: ReadonlySet<string>): boolean {
  const mine: Collected = new Map();
  const theirs: Collected = new Map();
  for (const set of client.sets) if (!collect(set, parent, client.fragments, mine)) return false;
  for (const set of fetch.sets) if (!collect(set, parent, fetch.fragments, theirs)) return false;
  if (mine.size !== theirs.size) return false;
  const theirKeys = theirs.keys();
  for (const [key, fields] of mine) {
    const other = theirKeys.next().value === key ? theirs.get(key) : undefined;
    if (!other) return false;
    const name = fields[0]!.name.value;
    if (other.some((f) => f.name.value !== name)) return false;
    if (name === '__typename') continue;
    if (name.startsWith('__')) return false; // introspection is the gateway's own
    const definition = parent.getFields()[name];
    if (!definition) return false;
    const type = getNamedType(definition.type);
    if (isEnumType(type)) {
      if (hiddenEnums.has(type.name)) return false;
      continue;
    }
    if (isAbstractType(type)) return false;
    if (!isObjectType(type)) continue; // a scalar
    const sub = (side: Side, nodes: FieldNode[]): Side => ({ sets: nodes.flatMap((f) => (f.selectionSet ? [f.selectionSet] : [])), fragments: side.fragments });
    if (!sameSelections(sub(client, fields), sub(fetch, other), type, hiddenEnums)) return false;
  }
  return true;
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  return fragments;
}

/** The enums of a supergraph with a value hidden from clients (`@inaccessible`). */
export function enumsWithHiddenValues(supergraphSdl: string): Set<string> {
  const hidden = new Set<string>();
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION && definition.kind !== Kind.ENUM_TYPE_EXTENSION) continue;
    if (definition.values?.some((v) => v.directives?.some((d) => d.name.value === 'inaccessible'))) hidden.add(definition.name.value);
  }
  return hidden;
}

/** The client's side of a fetch: the API schema, its document and the operation it runs. */
export interface IncomingOperation {
  schema: GraphQLSchema;
  document?: DocumentNode;
  operation?: OperationDefinitionNode;
}

/** Decides, once per client operation and fetch text, whether a fetch's answer may go out verbatim. */
export class VerbatimAnswers {
  /** Answers sent verbatim (for /metrics and the tests). */
  readonly stats = { answered: 0 };
  private readonly hiddenEnums: ReadonlySet<string>;
  private readonly decided = new WeakMap<OperationDefinitionNode, Map<string, boolean>>();

  constructor(supergraphSdl: string) {
    this.hiddenEnums = enumsWithHiddenValues(supergraphSdl);
  }

  /** Apollo Server's `stringifyResult`: `stringifyAnswer`, counting the verbatim answers. */
  readonly stringify = (value: object & { data?: unknown }): string => {
    if (value.data instanceof VerbatimData) this.stats.answered += 1;
    return stringifyAnswer(value);
  };

  /** Whether the one fetch `query` answers `incoming` exactly (see above). */
  eligible(incoming: IncomingOperation, query: string): boolean {
    const { operation, document, schema } = incoming;
    if (!operation || !document) return false;
    let byQuery = this.decided.get(operation);
    if (!byQuery) this.decided.set(operation, (byQuery = new Map()));
    let verdict = byQuery.get(query);
    if (verdict === undefined) {
      try {
        verdict = this.decide(schema, document, operation, query);
      } catch {
        verdict = false; // never a reason to fail the request: it takes the long way
      }
      byQuery.set(query, verdict);
    }
    return verdict;
  }

  private decide(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, query: string): boolean {
    let fetchDocument: DocumentNode;
    try {
      fetchDocument = parse(query);
    } catch {
      return false;
    }
    const fetchOperations = fetchDocument.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    const fetchOperation = fetchOperations[0];
    if (fetchOperations.length !== 1 || fetchOperation!.operation !== operation.operation) return false;
    if (operation.directives?.length || fetchOperation!.directives?.length) return false;
    const root = schema.getRootType(operation.operation);
    if (!root) return false;
    return sameSelections(
      { sets: [operation.selectionSet], fragments: fragmentsOf(document) },
      { sets: [fetchOperation!.selectionSet], fragments: fragmentsOf(fetchDocument) },
      root,
      this.hiddenEnums,
    );
  }
}
