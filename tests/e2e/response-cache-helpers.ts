import type { Identity } from '@maison/auth';
import { createGateway, readGatewayConfig, type Gateway } from '@maison/gateway';
import { deleteRedisKeys, tokenFor, type RunningGraph } from '@maison/testing';

/** One answer of a gateway, with the exact bytes it sent. */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: { data?: Record<string, any> | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

/** A POST to a gateway (anonymous unless an identity is given). */
export async function post(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: { identity?: Identity; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  if (options.identity) headers.authorization = `Bearer ${tokenFor(options.identity)}`;
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: JSON.parse(text) as Answer['body'] };
}

/** Gateways in this process, in front of a graph's subgraphs, sharing the Redis response cache of TEST_REDIS_URL under one prefix. */
export function redisGateways(graph: () => RunningGraph, redisUrl: string, prefix: string) {
  const started: { gateway: Gateway; url: string }[] = [];
  return {
    async start(): Promise<{ gateway: Gateway; url: string }> {
      const { subgraphUrls } = graph();
      const gateway = await createGateway(
        readGatewayConfig({
          NODE_ENV: 'test',
          LOG_LEVEL: 'silent',
          PORT: '0',
          TENANTS_URL: subgraphUrls.tenants,
          COWORKING_URL: subgraphUrls.coworking,
          GALLERY_URL: subgraphUrls.gallery,
          REDIS_URL: redisUrl,
          REDIS_KEY_PREFIX: prefix,
        }),
      );
      const running = { gateway, url: (await gateway.listen()).url };
      started.push(running);
      return running;
    },
    /** Closes them and deletes their keys. */
    async close(): Promise<void> {
      await Promise.all(started.map(({ gateway }) => gateway.close()));
      await deleteRedisKeys(redisUrl, prefix);
    },
  };
}
