import type { ClassType } from './class-type';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { requestContext, runInRequestContext, type RequestContext } from '@maison/telemetry';
import { DataSource, type Logger, type MixedList, type EntitySchema } from 'typeorm';

/**
 * Counts SQL statements, in total (/metrics) and for an operation run through measure() (a
 * subgraph's in-process execute): its count lives in its RequestContext (@maison/telemetry), made by
 * newCount() of the counter whose statements it counts. HTTP requests are counted in the total only.
 */
export class SqlCounter implements Logger {
  total = 0;

  constructor(private readonly logQueries = false) {}

  /** A new count of one request's statements, for its RequestContext. */
  newCount(): { owner: object; statements: number } {
    return { owner: this, statements: 0 };
  }

  /** Runs fn as a request of its own (the current one's id and language, a new count); returns its result and its statements. */
  async measure<T>(fn: () => Promise<T>, context: Partial<RequestContext> = {}): Promise<{ result: T; statements: number }> {
    const current = requestContext();
    const count = this.newCount();
    const result = await runInRequestContext({ requestId: current?.requestId ?? 'measure', lang: current?.lang, ...context, sql: count }, fn);
    return { result, statements: count.statements };
  }

  /** When set, every statement is appended here with its parameters (tests use it to EXPLAIN real queries). */
  captured: { query: string; parameters: unknown[] }[] | null = null;

  logQuery(query: string, parameters?: unknown[]): void {
    this.total += 1;
    this.captured?.push({ query, parameters: parameters ?? [] });
    const count = requestContext()?.sql;
    if (count?.owner === this) count.statements += 1;
    if (this.logQueries) process.stderr.write(`[sql] ${query}\n`);
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

export interface DataSourceOptions {
  url: string;
  entities: MixedList<ClassType | string | EntitySchema>;
  poolSize?: number;
  counter?: SqlCounter;
  applicationName?: string;
}

export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    synchronize: false,
    migrationsRun: false,
    logging: false,
    logger: options.counter ?? new SqlCounter(),
    applicationName: options.applicationName ?? 'la-maison',
    extra: { max: options.poolSize ?? 10, idleTimeoutMillis: 30_000 },
  });
}

/** The database a URL names, checked to be a plain identifier, and the URL of the server's `postgres` database. */
function databaseOf(url: string): { name: string; admin: string } {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`database name ${JSON.stringify(name)} is not a plain identifier`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  return { name, admin: admin.toString() };
}

/** Drops the database named in url if it exists, closing the connections still open to it (PostgreSQL 13+). */
export async function dropDatabase(url: string): Promise<void> {
  const { name, admin } = databaseOf(url);
  const client = new Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** Creates the database named in url when it does not exist (connecting to the server's `postgres` database). */
export async function ensureDatabase(url: string): Promise<void> {
  const { name, admin } = databaseOf(url);
  const client = new Client({ connectionString: admin });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) {
      try {
        await client.query(`CREATE DATABASE "${name}"`);
      } catch (error) {
        // Another process created it between our check and our CREATE: that is fine.
        if ((error as { code?: string }).code !== '42P04' && (error as { code?: string }).code !== '23505') throw error;
      }
    }
  } finally {
    await client.end();
  }
}

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir: string): MigrationFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * Applies the hand-written SQL migrations of dir that are not yet applied, each in its own
 * transaction, under an advisory lock so that replicas booting together migrate once.
 * An applied migration whose file has changed stops the boot: migrations are append-only.
 */
export async function migrate(ds: DataSource, dir: string): Promise<string[]> {
  const files = readMigrations(dir);
  const runner = ds.createQueryRunner();
  await runner.connect();
  const applied: string[] = [];
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', ['la-maison-migrations']);
    await runner.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const rows: { name: string; checksum: string }[] = await runner.query('SELECT name, checksum FROM schema_migrations');
    const done = new Map(rows.map((r) => [r.name, r.checksum]));
    for (const file of files) {
      const previous = done.get(file.name);
      if (previous !== undefined) {
        if (previous !== file.checksum) throw new Error(`migration ${file.name} was changed after it was applied`);
        continue;
      }
      await runner.startTransaction();
      try {
        await runner.query(file.sql);
        await runner.query('INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)', [file.name, file.checksum]);
        await runner.commitTransaction();
        applied.push(file.name);
      } catch (error) {
        await runner.rollbackTransaction();
        throw new Error(`migration ${file.name} failed: ${(error as Error).message}`);
      }
    }
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', ['la-maison-migrations']).catch(() => undefined);
    await runner.release();
  }
  return applied;
}

/** Replaces the database name of a PostgreSQL URL. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
