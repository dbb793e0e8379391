import { createDataSource, dropDatabase, ensureDatabase, insertReference, loadDemoOnce, migrate, withDatabase } from '@maison/kit';
import type { Logger } from '@maison/http';
import { loadModule, SUBGRAPHS } from '../services';

export interface SeedOptions {
  /** The PostgreSQL server holding the databases (any database of it). */
  serverUrl: string;
  /** Each subgraph's database is prefix + subgraph name. */
  prefix: string;
  /** One subgraph only (tenants, coworking, gallery). */
  only?: string;
  /** Load the demo data (SEED=demo); the reference data is always inserted when missing. */
  demo: boolean;
  /** Drop and recreate each database first, then migrate, reference data and fresh demo data. */
  resetDemo: boolean;
  /** NODE_ENV=production: --reset-demo is refused. */
  production: boolean;
  /** Benchmark data on top (seedScale), 0 for none. */
  scale: number;
  log: Logger;
}

/** A refusal of the command line (exit code 2): nothing was changed. */
export class SeedRefused extends Error {}

/**
 * What `npm run seed` does to each subgraph's database: created when missing (dropped first with
 * --reset-demo), migrated, the missing reference data inserted, the demo data loaded once when
 * asked, and the benchmark data at --scale N.
 */
export async function seedDatabases(options: SeedOptions): Promise<void> {
  if (options.resetDemo && options.production) {
    throw new SeedRefused('--reset-demo drops the databases: it is refused when NODE_ENV=production');
  }
  const names: string[] = SUBGRAPHS.map((s) => s.name);
  if (options.only !== undefined && !names.includes(options.only)) throw new SeedRefused(`--only must be one of ${names.join(', ')}`);
  if (!Number.isInteger(options.scale) || options.scale < 0 || options.scale > 1000) throw new SeedRefused('--scale must be an integer from 0 to 1000');
  for (const entry of SUBGRAPHS.filter((s) => options.only === undefined || s.name === options.only)) {
    const module = loadModule(entry);
    const url = withDatabase(options.serverUrl, `${options.prefix}${entry.name}`);
    if (options.resetDemo) await dropDatabase(url);
    await ensureDatabase(url);
    const ds = createDataSource({ url, entities: module.entities, poolSize: 2 });
    await ds.initialize();
    try {
      await migrate(ds, module.migrationsDir);
      const reference = await insertReference(ds, module.reference ?? []);
      const demo = (options.demo || options.resetDemo) && (await loadDemoOnce(ds, module.demo));
      if (options.scale > 0) await module.seedScale?.(ds, options.scale);
      options.log.info('seeded', { subgraph: entry.name, reset: options.resetDemo, referenceRows: reference.length, demo, scale: options.scale });
    } finally {
      await ds.destroy();
    }
  }
}
