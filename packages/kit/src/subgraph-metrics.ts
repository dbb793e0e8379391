import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { DataSource, EntitySubscriberInterface } from 'typeorm';
import type { AfterQueryEvent } from 'typeorm/subscriber/event/QueryEvent';
import { collectedCounter, operationMetricsPlugin, sqlDuration } from '@maison/telemetry';
import type { SqlCounter } from './database';

export interface SubgraphMetrics<C extends BaseContext> {
  /** Times each operation into maison_graphql_request_duration_seconds{service, operation}. */
  plugin: ApolloServerPlugin<C>;
  /** Stops reading this subgraph's counters (in-process tests start several subgraphs). */
  close(): void;
}

/**
 * What one subgraph adds to the process's metrics (served by runSubgraph on METRICS_PORT): its
 * requests and refused unsigned requests, its SQL statements (the SqlCounter every test reads) and
 * their durations (TypeORM's afterQuery event), and its operations' durations.
 */
export function subgraphMetrics<C extends BaseContext>(
  service: string,
  stats: { requests: number; rejected: number },
  counter: SqlCounter,
  ds: DataSource,
): SubgraphMetrics<C> {
  const labels = { service };
  const removers = [
    collectedCounter('maison_graphql_requests_total', 'signed GraphQL requests a subgraph served', labels, () => stats.requests),
    collectedCounter('maison_unsigned_requests_rejected_total', 'requests a subgraph refused for a missing or bad signature', labels, () => stats.rejected),
    collectedCounter('maison_sql_statements_total', 'SQL statements a subgraph ran', labels, () => counter.total),
  ];
  const timer: EntitySubscriberInterface = {
    afterQuery(event: AfterQueryEvent<unknown>) {
      if (event.executionTime !== undefined) sqlDuration.observe(labels, event.executionTime / 1000);
    },
  };
  ds.subscribers.push(timer);
  return {
    plugin: operationMetricsPlugin<C>(service),
    close() {
      for (const remove of removers) remove();
    },
  };
}
