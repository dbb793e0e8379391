import type { SubgraphName } from '../config';
import { workersListening } from './workers-listening';

/** How long each subgraph has to answer the gateway's readiness check. */
const SUBGRAPH_CHECK_TIMEOUT_MS = 2000;

/** One subgraph as the gateway's /ready sees it: ready, not ready (and which of its checks failed), or no answer. */
export type SubgraphState = 'ok' | 'unreachable' | `not ready (${string})`;

export interface GatewayReadiness {
  ready: boolean;
  body: { status: 'ready' | 'unavailable'; subgraphs: Record<string, SubgraphState>; workers?: string };
}

/** Asks one subgraph's /ready now; a 503 names the checks that failed (e.g. "not ready (database: failed)"). */
async function subgraphState(graphqlUrl: string): Promise<SubgraphState> {
  try {
    const response = await fetch(new URL('/ready', graphqlUrl), { signal: AbortSignal.timeout(SUBGRAPH_CHECK_TIMEOUT_MS) });
    if (response.ok) return 'ok';
    const body = (await response.json().catch(() => ({}))) as { checks?: Record<string, string> };
    const failed = Object.entries(body.checks ?? {}).filter(([, state]) => state !== 'ok');
    return `not ready (${failed.map(([name, state]) => `${name}: ${state}`).join(', ') || `HTTP ${response.status}`})`;
  } catch {
    return 'unreachable';
  }
}

/**
 * The gateway's readiness: every subgraph's /ready answers 200 (each checks its database), and,
 * with GATEWAY_WORKERS > 1, every worker of the cluster listens.
 */
export async function gatewayReadiness(urls: Record<SubgraphName, string>): Promise<GatewayReadiness> {
  const subgraphs = Object.fromEntries(await Promise.all(Object.entries(urls).map(async ([name, url]) => [name, await subgraphState(url)] as const)));
  const workers = workersListening();
  const ready = Object.values(subgraphs).every((state) => state === 'ok') && workers.all;
  return {
    ready,
    body: { status: ready ? 'ready' : 'unavailable', subgraphs, ...(workers.detail && { workers: workers.detail }) },
  };
}
