import { createSubgraph, readSubgraphConfig, type SubgraphModule } from '@maison/kit';
import { withClient } from './database';

/** A production signing secret for boots that never serve a request. */
const SECRET = 'reference-data-test-signing-secret-0123456789';

/**
 * Boots a subgraph on databaseUrl as production does (NODE_ENV=production, SEED unset unless env
 * sets it), then stops it: what a deployment's boot leaves in its database. Returns the SEED it read.
 */
export async function bootAndStop(module: SubgraphModule<any, any>, databaseUrl: string, env: Record<string, string> = {}): Promise<string> {
  const config = readSubgraphConfig(module, {
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    DATABASE_URL: databaseUrl,
    GATEWAY_SIGNING_SECRET: SECRET,
    PORT: '0',
    ...env,
  });
  const subgraph = await createSubgraph(module, config);
  await subgraph.close();
  return config.seed;
}

/** Every row of every table of the database, as text, sorted: two snapshots are equal when nothing was added, removed or changed. */
export async function snapshotDatabase(databaseUrl: string): Promise<Record<string, string[]>> {
  return withClient(databaseUrl, async (client) => {
    const tables = await client.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
    const out: Record<string, string[]> = {};
    for (const { tablename } of tables.rows as { tablename: string }[]) {
      const { rows } = await client.query(`SELECT t::text AS row FROM "${tablename}" t ORDER BY 1`);
      out[tablename] = rows.map((r: { row: string }) => r.row);
    }
    return out;
  });
}
