import { createSubgraph, readSubgraphConfig, type Subgraph, type SubgraphModule } from '@maison/kit';
import { freshDatabaseUrl } from './database';

/**
 * Boots one subgraph in-process on a fresh database of the test server: migrated, seeded unless
 * seed is false, listening on a free port when listen is true. Call close() in afterAll.
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
    SEED: options.seed === false ? 'off' : 'auto',
    ...options.env,
  });
  const subgraph = await createSubgraph(module, config);
  let url: string | undefined;
  if (options.listen) url = (await subgraph.listen()).url;
  return Object.assign(subgraph, { url, databaseUrl });
}
