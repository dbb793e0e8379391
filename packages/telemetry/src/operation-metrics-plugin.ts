import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { requestDuration } from './metrics';
import { operationLabel } from './operation-label';

/**
 * One operation into maison_graphql_request_duration_seconds{service, operation}, timed from
 * `started` (process.hrtime.bigint()): the plugin's way, and the gateway's prepared lane's, which
 * answer without Apollo's pipeline.
 */
export function observeOperation(service: string, operationName: string | undefined, started: bigint): void {
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  requestDuration.observe({ service, operation: operationLabel(operationName) }, seconds);
}

/**
 * Times every operation Apollo executes, from the request to the response, into
 * maison_graphql_request_duration_seconds{service, operation}. Request-level hooks only: no
 * per-field hook, so resolvers are not wrapped.
 */
export function operationMetricsPlugin<C extends BaseContext>(service: string): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operation }) {
          observeOperation(service, operation?.name?.value, started);
        },
      };
    },
  };
}
