import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The test server: TEST_DATABASE_URL, set by the jest global setup (embedded PostgreSQL) or by the caller. */
export function testServerUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run the tests with `npm test`');
  return url;
}

/** A URL naming a brand-new database on the test server (created by the kit at boot). */
export function freshDatabaseUrl(prefix: string): string {
  const name = `t_${prefix.replace(/[^a-z0-9_]/g, '_')}_${randomBytes(5).toString('hex')}`;
  const url = new URL(testServerUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs SQL straight against a database, outside the application (for checks and fixtures). */
export async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
