import type { ClassType } from './class-type';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import { CACHE_CONTROL_SDL, withCacheHints, type CacheHints } from './cache-hints';

/** Federation v2.9: the first with the demand-control directives @cost and @listSize (see cost.ts). */
export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag", "@cost", "@listSize"])';

// Resolvers of entity references: { Tenant: { __resolveReference(ref, ctx) { ... } } }
export type ReferenceResolvers = Record<string, { __resolveReference(reference: any, context: any): unknown }>;

export interface FederatedSchema {
  schema: GraphQLSchema;
  /** The subgraph SDL exactly as given to buildSubgraphSchema; committed as schema.graphql. */
  sdl: string;
}

function merge(target: Record<string, any>, source: Record<string, any>): Record<string, any> {
  for (const [key, value] of Object.entries(source)) {
    target[key] =
      value && typeof value === 'object' && !Array.isArray(value) && target[key] && typeof target[key] === 'object' ? merge({ ...target[key] }, value) : value;
  }
  return target;
}

/**
 * type-graphql 2.0.0-rc.4 records parameter decorators in the order TypeScript runs them, last
 * parameter first, so `calendar(@Arg('from') from, @Arg('to') to)` would print as `calendar(to, from)`.
 * Sorting the recorded parameters by position makes the SDL read in declaration order.
 */
function orderArgumentsByPosition(): void {
  const storage = (globalThis as { TypeGraphQLMetadataStorage?: { params?: { index: number }[] } }).TypeGraphQLMetadataStorage;
  storage?.params?.sort((a, b) => a.index - b.index);
}

/**
 * type-graphql resolvers → printSchemaWithDirectives (keeps @key, which printSchema drops)
 * → buildSubgraphSchema with the federation @link and the __resolveReference map.
 */
export async function buildFederatedSchema(options: {
  resolvers: NonEmptyArray<ClassType>;
  orphanedTypes?: ClassType[];
  references: ReferenceResolvers;
  /** Seconds each object type's data stays true (see cache-hints.ts). */
  cacheHints?: CacheHints;
}): Promise<FederatedSchema> {
  orderArgumentsByPosition();
  const typeGraphqlSchema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    skipCheck: true,
    validate: false,
    emitSchemaFile: false,
  });
  const printed = printSchemaWithDirectives(typeGraphqlSchema)
    // type-graphql always declares a root schema; federation infers roots from type names.
    .replace(/^schema \{[^}]*\}\n*/m, '');
  const sdl = `${withCacheHints(`${FEDERATION_LINK}\n\n${CACHE_CONTROL_SDL}\n\n${printed.trim()}`, options.cacheHints ?? {})}\n`;
  const resolvers = merge(createResolversMap(typeGraphqlSchema) as Record<string, any>, options.references);
  const schema = buildSubgraphSchema({ typeDefs: gql(sdl), resolvers: resolvers as any });
  return { schema, sdl };
}
