import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { operationCost, type CostSettings } from './cost';
import { costMemo } from './cost-memo';
import type { CostDirectives } from './cost-directives';
import { fragmentLookup } from './fragments';
import { LimitError } from './limit-error';

/**
 * COST_LIMIT_EXCEEDED, checked once the operation is resolved and before the query planner runs,
 * so no subgraph is called. A plugin rather than a validation rule because the cost depends on
 * the variables (`first: $n`, a calendar's `$from`/`$to`) and Apollo caches validated documents.
 * The schema Apollo hands the plugin has lost the applied directives: @cost and @listSize come
 * from the supergraph (`directives`). Operations the gateway runs itself (the calendar feed, with
 * no HTTP request) are trusted. An estimate is remembered per parsed operation and what of its variables the estimate reads (cost-memo.ts).
 */
export function costLimitPlugin<C extends BaseContext>(limit: number, directives: CostDirectives, settings: CostSettings): ApolloServerPlugin<C> {
  const remembered = costMemo();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, operation, document, schema }) {
          if (!request.http || !operation) return;
          const variables = request.variables ?? {};
          const actual = remembered(schema, operation, variables, () =>
            operationCost(schema, directives, operation, fragmentLookup(document), variables, settings),
          );
          if (actual > limit) throw new LimitError('COST_LIMIT_EXCEEDED', limit, actual);
        },
      };
    },
  };
}
