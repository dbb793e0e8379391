import { parseArgs } from 'node:util';
import { readConfig, v } from '@maison/config';
import { createDataSource, createLogger, ensureDatabase, migrate, withDatabase } from '@maison/kit';
import { loadModule, SUBGRAPHS } from './services';

/**
 * `npm run seed`: migrates and loads the seed data into every subgraph's database on the server
 * of DATABASE_URL (the embedded one of `npm start` by default). Idempotent: a second run changes nothing.
 */
const spec = {
  databaseUrl: v.url('DATABASE_URL', {
    description: 'PostgreSQL server holding the house_* databases',
    protocols: ['postgres:', 'postgresql:'],
    default: 'postgres://postgres:postgres@127.0.0.1:54329/postgres',
  }),
  databasePrefix: v.string('DATABASE_PREFIX', { description: 'prefix of the per-subgraph database names', default: 'house_' }),
};

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { only: { type: 'string' } } });
  const config = readConfig(spec);
  const log = createLogger('seed');
  for (const entry of SUBGRAPHS.filter((s) => !values.only || s.name === values.only)) {
    const module = loadModule(entry);
    const url = withDatabase(config.databaseUrl, `${config.databasePrefix}${entry.name}`);
    await ensureDatabase(url);
    const ds = createDataSource({ url, entities: module.entities, poolSize: 2 });
    await ds.initialize();
    try {
      await migrate(ds, module.migrationsDir);
      await module.seed?.(ds);
      log.info('seeded', { subgraph: entry.name });
    } finally {
      await ds.destroy();
    }
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
