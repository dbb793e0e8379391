import type { ApolloServerPlugin } from '@apollo/server';
import { collectedCounter, operationMetricsPlugin, rateLimitRefusals } from '@maison/telemetry';
import type { GatewayContext } from './context';
import type { RateLimits } from './rate-limit/rate-limit';
import type { ResponseCache } from './response-cache/response-cache';
import type { VerbatimAnswers } from './apollo/verbatim-answer';
import type { PreparedOperations } from './apollo/prepared-operations';

/** The response cache's counters, under the names /metrics always had (zero when the cache is off). */
const CACHE_COUNTERS = ['hits', 'misses', 'stored', 'invalidations', 'coalesced', 'flushes'] as const;

export interface GatewayMetrics {
  /** Times each operation into maison_graphql_request_duration_seconds. */
  plugin: ApolloServerPlugin<GatewayContext>;
  /** Once a request is answered: a 429 counts as a rate-limit refusal, whichever check refused it. */
  answered(path: string, status: number): void;
  /** Stops reading this gateway's response cache (in-process tests start several gateways). */
  close(): void;
}

/** What one gateway adds to the process's metrics (served by main.ts on METRICS_PORT). */
export function gatewayMetrics(
  cache: ResponseCache | undefined,
  rates: RateLimits['stats'],
  verbatim: VerbatimAnswers['stats'],
  prepared: PreparedOperations['stats'] | undefined,
): GatewayMetrics {
  const removers = CACHE_COUNTERS.map((name) =>
    collectedCounter(`maison_response_cache_${name}_total`, `response cache: ${name}`, { service: 'gateway' }, () => cache?.stats[name] ?? 0),
  );
  // With REDIS_URL: rate-limit checks answered by this process's memory because Redis could not be reached.
  removers.push(
    collectedCounter(
      'maison_rate_limit_redis_fallbacks_total',
      'rate-limit checks answered in memory, Redis unreachable',
      { service: 'gateway' },
      () => rates.fallback,
    ),
  );
  removers.push(
    collectedCounter(
      'maison_gateway_verbatim_answers_total',
      "answers sent as their one subgraph wrote them, without the gateway's walk (apollo/verbatim-answer.ts)",
      { service: 'gateway' },
      () => verbatim.answered,
    ),
  );
  removers.push(
    collectedCounter(
      'maison_gateway_prepared_answers_total',
      "operations answered by the prepared lane, without Apollo's pipeline (apollo/prepared-operations.ts); counted among the verbatim answers too",
      { service: 'gateway' },
      () => prepared?.answered ?? 0,
    ),
  );
  removers.push(
    collectedCounter(
      'maison_gateway_prepared_untaken_calls_total',
      "subgraph calls the prepared lane made that the pipeline it handed the request to did not take (a bug: logged as 'prepared lane call not taken by the pipeline')",
      { service: 'gateway' },
      () => prepared?.untakenCalls ?? 0,
    ),
  );
  return {
    plugin: operationMetricsPlugin<GatewayContext>('gateway'),
    answered(path, status) {
      if (status === 429) rateLimitRefusals.inc({ service: 'gateway', path: path === '/calendar.ics' ? path : '/graphql' });
    },
    close() {
      for (const remove of removers) remove();
    },
  };
}
