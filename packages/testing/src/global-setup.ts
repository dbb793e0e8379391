import path from 'node:path';
import { startEmbeddedPostgres } from '@maison/embedded-db';

/**
 * One PostgreSQL for the whole run. TEST_DATABASE_URL names a server to use instead
 * (any database on it; tests create and use their own databases).
 */
export default async function globalSetup(): Promise<void> {
  process.env.NODE_ENV = 'test';
  process.env.APOLLO_TELEMETRY_DISABLED = '1';
  if (process.env.TEST_DATABASE_URL) return;
  const root = path.resolve(__dirname, '..', '..', '..');
  const pg = await startEmbeddedPostgres({ dataDir: path.join(root, '.data', `test-pg-${process.pid}`), persistent: false });
  process.env.TEST_DATABASE_URL = pg.url;
  (globalThis as { __MAISON_PG__?: { stop(): Promise<void> } }).__MAISON_PG__ = pg;
}
