import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isObjectType,
  Kind,
  parse,
  print,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DirectiveNode,
  type DocumentNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

/**
 * Cache hints of a subgraph: how long, in seconds, an answer made of each object type stays true.
 * They are printed in the subgraph SDL as Apollo's `@cacheControl(maxAge: N)`; each answer's policy
 * (the shortest hint of every object type it can hold; 0, "do not cache", for any type without
 * one) is sent as `Cache-Control` (cacheHeaderPlugin), and the gateway combines the subgraphs'
 * headers into the policy of the whole answer. Types of mutation payloads need none: mutations are
 * never cached.
 */
export type CacheHints = Record<string, number>;

/** Apollo's directive, declared in every subgraph; not composed into the supergraph. */
export const CACHE_CONTROL_SDL = `enum CacheControlScope @inaccessible {
  PUBLIC
  PRIVATE
}

directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION`;

/** Adds `@cacheControl(maxAge: N)` to the object types of an SDL; fails on a hint for a type that does not exist. */
export function withCacheHints(sdl: string, hints: CacheHints): string {
  const document = parse(sdl);
  const unknown = new Set(Object.keys(hints));
  const definitions = document.definitions.map((definition) => {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) return definition;
    const maxAge = hints[definition.name.value];
    if (maxAge === undefined) return definition;
    unknown.delete(definition.name.value);
    if (!Number.isInteger(maxAge) || maxAge < 0) throw new Error(`cache hint of ${definition.name.value} must be a whole number of seconds`);
    const directive: DirectiveNode = {
      kind: Kind.DIRECTIVE,
      name: { kind: Kind.NAME, value: 'cacheControl' },
      arguments: [{ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'maxAge' }, value: { kind: Kind.INT, value: String(maxAge) } }],
    };
    return { ...definition, directives: [...(definition.directives ?? []), directive] };
  });
  if (unknown.size > 0) throw new Error(`cache hints for unknown types: ${[...unknown].join(', ')}`);
  return print({ ...document, definitions } as DocumentNode);
}

/**
 * The cache policy of an answer, computed from the operation instead of field by field: the
 * shortest hint among the object types the operation can return (0, do not cache, for a composite
 * type without a hint, for a root field returning a scalar, and for mutations), and for `_entities`
 * the hints of the representations' types. The operation's part is computed once per parsed
 * document (Apollo Server keeps parsed documents), so an answer costs a lookup, where Apollo's own
 * cache-control plugin wraps every resolver of every request (a per-field plugin).
 */
export function staticMaxAge(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  hints: CacheHints,
): number {
  const shape = operationShape(schema, document, operation, hints);
  const finite = (n: number) => (Number.isFinite(n) ? n : 0); // nothing but __typename: nothing worth caching
  if (shape.entitiesVariable === undefined) return finite(shape.maxAge);
  const representations = variables?.[shape.entitiesVariable];
  if (!Array.isArray(representations) || representations.length === 0) return 0;
  let maxAge = shape.maxAge;
  for (const representation of representations) {
    const typename = (representation as { __typename?: unknown } | null)?.__typename;
    maxAge = Math.min(maxAge, typeof typename === 'string' ? (hints[typename] ?? 0) : 0);
  }
  return finite(maxAge);
}

interface OperationShape {
  maxAge: number;
  /** Name of the variable holding `_entities` representations (given inline, the answer is not cached). */
  entitiesVariable?: string;
}

/** Shapes by hints (one set per subgraph), then by parsed operation. */
const shapes = new WeakMap<CacheHints, WeakMap<OperationDefinitionNode, OperationShape>>();

function operationShape(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, hints: CacheHints): OperationShape {
  let ofHints = shapes.get(hints);
  if (!ofHints) shapes.set(hints, (ofHints = new WeakMap()));
  const known = ofHints.get(operation);
  if (known) return known;
  const shape: OperationShape = { maxAge: operation.operation === 'query' ? Number.POSITIVE_INFINITY : 0 };
  const hintOf = (type: GraphQLNamedType): number => {
    if (isObjectType(type)) return hints[type.name] ?? 0;
    if (isAbstractType(type)) return Math.min(...schema.getPossibleTypes(type).map((t) => hints[t.name] ?? 0));
    return Number.POSITIVE_INFINITY; // scalars and enums take their parent's policy
  };
  if (shape.maxAge > 0) {
    const typeInfo = new TypeInfo(schema);
    let depth = 0;
    // Fragments are visited wherever they are defined: an unused one can only make the policy stricter.
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        OperationDefinition: (node) => (node === operation ? undefined : false),
        Field: {
          enter(node) {
            const field = typeInfo.getFieldDef();
            const root = depth === 0 && typeInfo.getParentType() === schema.getQueryType();
            depth += 1;
            if (!field) return;
            if (root && node.name.value === '_entities') {
              const argument = node.arguments?.find((a) => a.name.value === 'representations');
              if (argument?.value.kind === Kind.VARIABLE) shape.entitiesVariable = argument.value.name.value;
              else shape.maxAge = 0;
              return;
            }
            const named = getNamedType(field.type);
            const hint = isCompositeType(named) ? hintOf(named) : root && node.name.value !== '__typename' ? 0 : Number.POSITIVE_INFINITY;
            shape.maxAge = Math.min(shape.maxAge, hint);
          },
          leave() {
            depth -= 1;
          },
        },
      }),
    );
  }
  ofHints.set(operation, shape);
  return shape;
}

/**
 * Sets `Cache-Control` on every answer of a subgraph from its cache hints (see staticMaxAge):
 * `max-age=N, public` for anonymous callers, `private` for signed-in ones (a subgraph answers per
 * caller: private bookings, non-public members), `no-store` for mutations, errors and any type
 * without a hint. Used with Apollo's own cache-control plugin turned off.
 */
export function cacheHeaderPlugin(schema: GraphQLSchema, hints: CacheHints, isAnonymous: (context: any) => boolean): ApolloServerPlugin<any> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ document, operation, request, response, contextValue }) {
          const body = response.body;
          let maxAge = 0;
          if (document && operation && body.kind === 'single' && !body.singleResult.errors) {
            maxAge = staticMaxAge(schema, document, operation, request.variables, hints);
          }
          response.http.headers.set('cache-control', maxAge > 0 ? `max-age=${maxAge}, ${isAnonymous(contextValue) ? 'public' : 'private'}` : 'no-store');
        },
      };
    },
  };
}
