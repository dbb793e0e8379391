import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { operationCost, type CostSettings } from './cost';
import { costMemo } from './cost-memo';
import type { CostDirectives } from './cost-directives';
import { fragmentLookup } from './fragments';
import { LimitError } from './limit-error';

/** The estimate of one operation with its variables (remembered, cost-memo.ts). */
export type CostOf = (schema: GraphQLSchema, operation: OperationDefinitionNode, document: DocumentNode, variables: Record<string, unknown>) => number;

/** The cost model of a supergraph, its estimates remembered per parsed operation and what of its variables the estimate reads (cost-memo.ts). */
export function costEstimator(directives: CostDirectives, settings: CostSettings): CostOf {
  const remembered = costMemo();
  return (schema, operation, document, variables) =>
    remembered(schema, operation, variables, () => operationCost(schema, directives, operation, fragmentLookup(document), variables, settings));
}

/**
 * COST_LIMIT_EXCEEDED, checked once the operation is resolved and before the query planner runs,
 * so no subgraph is called. A plugin rather than a validation rule because the cost depends on
 * the variables (`first: $n`, a calendar's `$from`/`$to`) and Apollo caches validated documents.
 * The schema Apollo hands the plugin has lost the applied directives: @cost and @listSize come
 * from the supergraph (`directives`). Operations the gateway runs itself (the calendar feed, with
 * no HTTP request) are trusted. `costOf` is shared with the prepared lane (apollo/prepared-operations.ts).
 */
export function costLimitPlugin<C extends BaseContext>(limit: number, costOf: CostOf): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, operation, document, schema }) {
          if (!request.http || !operation) return;
          const actual = costOf(schema, operation, document, request.variables ?? {});
          if (actual > limit) throw new LimitError('COST_LIMIT_EXCEEDED', limit, actual);
        },
      };
    },
  };
}
