import { parseArgs } from 'node:util';
import { readConfig, v } from '@maison/config';
import { createDataSource, ensureDatabase, migrate, seedOnce, withDatabase } from '@maison/kit';
import { createLogger } from '@maison/http';
import { loadModule, SUBGRAPHS } from './services';

/**
 * `npm run seed`: migrates and loads the seed data into every subgraph's database on the server
 * of DATABASE_URL (the embedded one of `npm start` by default). Idempotent: a second run changes nothing.
 * `--scale N` adds a large data set for benchmarks (N = 100: years of bookings, thousands of events,
 * artworks and members).
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
  const { values } = parseArgs({ options: { only: { type: 'string' }, scale: { type: 'string' } } });
  const scale = values.scale === undefined ? 0 : Number(values.scale);
  if (!Number.isInteger(scale) || scale < 0 || scale > 1000) throw new Error('--scale must be an integer from 0 to 1000');
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
      await seedOnce(ds, module);
      if (scale > 0) await module.seedScale?.(ds, scale);
      log.info('seeded', { subgraph: entry.name, scale });
    } finally {
      await ds.destroy();
    }
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
