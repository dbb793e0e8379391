import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, parse, print, type DirectiveNode, type DocumentNode } from 'graphql';

/**
 * Cache hints of a subgraph: how long, in seconds, an answer made of each object type stays true.
 * Apollo Server's cache-control plugin computes each answer's policy from them (the shortest
 * maxAge of every object in it; 0, "do not cache", for any object type without a hint) and sends
 * it as `Cache-Control`; the gateway combines the subgraphs' headers into the policy of the whole
 * answer. Types of mutation payloads need none: mutations are never cached.
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
 * A subgraph answers per caller (private bookings, non-public members): the answer to a signed-in
 * caller may only be cached for that caller. Anonymous answers keep the PUBLIC scope.
 */
export function callerScopePlugin(isAnonymous: (context: any) => boolean): ApolloServerPlugin<any> {
  return {
    async requestDidStart({ contextValue }) {
      if (isAnonymous(contextValue)) return;
      return {
        // Not earlier: the cache-control plugin stops computing hints when it finds the policy
        // already restricted as execution starts. This hook runs before its own willSendResponse.
        async willSendResponse({ overallCachePolicy }) {
          overallCachePolicy.restrict({ scope: 'PRIVATE' });
        },
      };
    },
  };
}
