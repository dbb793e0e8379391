import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { GatewayContext } from '../context';
import { emptiedPaths } from './unavailable-paths';

/**
 * Gives every SUBGRAPH_UNAVAILABLE error the `path` of a field it left empty, as the GraphQL
 * spec asks of field errors: one error per emptied field (a week of calendar with coworking down
 * is seven errors, one per day's `coworkingEvents`), so a client can tell which nulls are missing
 * data and which are real. The gateway's executor records its failed calls without their paths;
 * they are expanded here over the final data.
 */
export function unavailablePathsPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          const failures = contextValue.subgraphFailures;
          if (response.body.kind !== 'single' || !failures?.length) return;
          const result = response.body.singleResult;
          if (!result.errors) return;
          const pending = [...failures];
          const errors: GraphQLFormattedError[] = [];
          for (const error of result.errors) {
            const subgraph = error.extensions?.subgraph;
            const index = error.extensions?.code === 'SUBGRAPH_UNAVAILABLE' && !error.path ? pending.findIndex((f) => f.subgraph === subgraph) : -1;
            if (index < 0) {
              errors.push(error);
              continue;
            }
            const [failure] = pending.splice(index, 1);
            const paths = emptiedPaths(result.data, failure!);
            if (paths.length === 0) errors.push(error);
            else for (const path of paths) errors.push({ ...error, path });
          }
          response.body.singleResult = { ...result, errors };
        },
      };
    },
  };
}
