import type { RunningGraph } from '@maison/testing';

export const SUBGRAPHS = ['tenants', 'coworking', 'gallery'] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number];

/** Operations each subgraph has served since it started, from its metrics endpoint. */
export async function subgraphRequests(graph: RunningGraph): Promise<Record<SubgraphName, number>> {
  const counts = await Promise.all(SUBGRAPHS.map(async (name) => [name, await graph.subgraphRequests(name)] as const));
  return Object.fromEntries(counts) as Record<SubgraphName, number>;
}

/** How many operations each subgraph served while run ran. */
export async function subgraphCallsDuring(graph: RunningGraph, run: () => Promise<unknown>): Promise<Record<SubgraphName, number>> {
  const before = await subgraphRequests(graph);
  await run();
  const after = await subgraphRequests(graph);
  return Object.fromEntries(SUBGRAPHS.map((s) => [s, after[s] - before[s]])) as Record<SubgraphName, number>;
}

export const NO_CALLS: Record<SubgraphName, number> = { tenants: 0, coworking: 0, gallery: 0 };

/** POSTs a raw body to the gateway and reads the JSON answer. */
export async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}
