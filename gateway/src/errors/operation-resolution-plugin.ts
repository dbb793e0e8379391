import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { execute, GraphQLError } from 'graphql';

/**
 * A document whose operation cannot be chosen (an unknown operationName, several operations and
 * no name, none at all) or whose operation has no root type in the graph (a subscription) is the
 * caller's mistake: answered 400, with GraphQL.js's own message and the codes of the registry
 * (OPERATION_RESOLUTION_FAILURE, GRAPHQL_VALIDATION_FAILED), before the query planner, which would
 * refuse it as a fault of its own (INVALID_GRAPHQL, HTTP 500, masked in production).
 */
export function operationResolutionPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, operation, document, schema }) {
          if (operation && schema.getRootType(operation.operation)) return;
          // GraphQL.js writes why: nothing is run, its execution stops before the first field.
          const { errors } = await execute({ schema, document, operationName: request.operationName });
          const [first] = errors ?? [];
          if (!first) return;
          const code = operation ? 'GRAPHQL_VALIDATION_FAILED' : 'OPERATION_RESOLUTION_FAILURE';
          throw new GraphQLError(first.message, { nodes: operation, extensions: { code, http: { status: 400 } } });
        },
      };
    },
  };
}
