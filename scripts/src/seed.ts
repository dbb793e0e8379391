import { parseArgs } from 'node:util';
import { commonSpec, readConfigOrExit, v } from '@maison/config';
import { loadsDemo, seedModeVariable } from '@maison/kit';
import { createLogger } from '@maison/http';
import { SeedRefused, seedDatabases } from './seed/seed-databases';

/**
 * `npm run seed`: migrates every subgraph's database on the server of DATABASE_URL (the embedded
 * one of `npm start` by default), inserts the missing reference data and, as SEED says (demo
 * outside production), loads the demo data once. Idempotent: a second run changes nothing.
 * `--reset-demo` (refused when NODE_ENV=production) drops and recreates the databases first, so
 * they hold the reference data and fresh demo data again. `--scale N` adds a large data set for
 * benchmarks (N = 100: years of bookings, thousands of events, artworks and members).
 */
const spec = {
  nodeEnv: commonSpec.nodeEnv,
  seed: seedModeVariable,
  databaseUrl: v.url('DATABASE_URL', {
    description: 'PostgreSQL server holding the house_* databases',
    protocols: ['postgres:', 'postgresql:'],
    default: 'postgres://postgres:postgres@127.0.0.1:54329/postgres',
  }),
  databasePrefix: v.string('DATABASE_PREFIX', { description: 'prefix of the per-subgraph database names', default: 'house_' }),
};

async function main(): Promise<void> {
  const { values } = (() => {
    try {
      return parseArgs({ options: { only: { type: 'string' }, scale: { type: 'string' }, 'reset-demo': { type: 'boolean' } } });
    } catch (error) {
      throw new SeedRefused(`${(error as Error).message}\n\nUsage: npm run seed -- [--reset-demo] [--only tenants|coworking|gallery] [--scale N]`);
    }
  })();
  const config = readConfigOrExit(spec);
  await seedDatabases({
    serverUrl: config.databaseUrl,
    prefix: config.databasePrefix,
    only: values.only,
    demo: loadsDemo(config.seed),
    resetDemo: values['reset-demo'] === true,
    production: config.nodeEnv === 'production',
    scale: values.scale === undefined ? 0 : Number(values.scale),
    log: createLogger('seed'),
  });
}

main().catch((error) => {
  if (error instanceof SeedRefused) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
