import { afterAll, beforeAll } from '@jest/globals';
import { createSubgraph, readSubgraphConfig, type Subgraph, type SubgraphModule } from '@maison/kit';
import { freshDatabaseUrl } from './database';

/**
 * Boots one subgraph in-process on a fresh database of the test server: migrated, with its
 * reference data, and with the demo data unless seed is false, listening on a free port when listen
 * is true. Call close() in afterAll.
 */
export async function startTestSubgraph<S, L>(
  module: SubgraphModule<S, L>,
  options: { seed?: boolean; listen?: boolean; env?: Record<string, string> } = {},
): Promise<Subgraph<S, L> & { url?: string; databaseUrl: string }> {
  const databaseUrl = freshDatabaseUrl(module.name);
  const config = readSubgraphConfig(module, {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: databaseUrl,
    DB_POOL_SIZE: '20',
    PORT: '0',
    SEED: options.seed === false ? 'none' : 'demo',
    ...options.env,
  });
  const subgraph = await createSubgraph(module, config);
  let url: string | undefined;
  if (options.listen) url = (await subgraph.listen()).url;
  return Object.assign(subgraph, { url, databaseUrl });
}

export type TestSubgraph<S, L> = Awaited<ReturnType<typeof startTestSubgraph<S, L>>>;
/** The same, named by the module: `TestSubgraphOf<typeof tenantsModule>`. */
export type TestSubgraphOf<M> = M extends SubgraphModule<infer S, infer L> ? TestSubgraph<S, L> : never;

/**
 * One subgraph for a whole test file: started in beforeAll on a fresh database, closed in
 * afterAll. The returned object stands for the running subgraph once beforeAll has run.
 */
export function useTestSubgraph<S, L>(module: SubgraphModule<S, L>, options: Parameters<typeof startTestSubgraph>[1] = {}): TestSubgraph<S, L> {
  let current: TestSubgraph<S, L> | undefined;
  beforeAll(async () => {
    current = await startTestSubgraph(module, options);
  }, 120_000);
  afterAll(async () => {
    await current?.close();
  });
  return new Proxy({} as TestSubgraph<S, L>, {
    get(_, key) {
      if (!current) throw new Error('the test subgraph is used before beforeAll started it');
      const value = Reflect.get(current, key);
      return typeof value === 'function' ? value.bind(current) : value;
    },
    set(_, key, value) {
      if (!current) throw new Error('the test subgraph is used before beforeAll started it');
      return Reflect.set(current, key, value);
    },
  });
}
