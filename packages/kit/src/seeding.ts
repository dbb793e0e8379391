import type { DataSource } from 'typeorm';
import { v } from '@maison/config';

/**
 * Two kinds of seeded rows. Reference data is what the real house is made of (the house, its
 * shared spaces and their rules, the tenants that run the place): every database gets it, in every
 * environment, at every boot. Demo data (people, artworks, events, bookings) is loaded only when
 * SEED asks for it, the development default.
 */
export const SEED_MODES = ['demo', 'none', 'auto', 'off'] as const;
export type SeedMode = (typeof SEED_MODES)[number];

/** SEED, read by the subgraphs and by `npm run seed`: demo by default, none in production. */
export const seedModeVariable = v.oneOf('SEED', SEED_MODES, {
  description:
    'demo: load the demo data once at boot (the default, except in production); none: reference data only (the production default); ' +
    'auto and off are deprecated aliases of demo and none. Reference data (the house, its spaces and their rules, espace-ko, ' +
    'le-vivoir, the plans, the studios) is always inserted when missing',
  default: (production): SeedMode => (production ? 'none' : 'demo'),
});

/** Whether a SEED value asks for the demo data (`auto` is the deprecated name of `demo`). */
export const loadsDemo = (mode: SeedMode): boolean => mode === 'demo' || mode === 'auto';

/**
 * One row of reference data: its stable key and the INSERT that adds it when missing. The INSERT
 * must be ON CONFLICT DO NOTHING, so a row an operator changed is never overwritten.
 */
export interface ReferenceRow {
  key: string;
  sql: string;
  params: unknown[];
}

const REFERENCE_LEDGER = 'CREATE TABLE IF NOT EXISTS reference_rows (key text PRIMARY KEY, inserted_at timestamptz NOT NULL DEFAULT now())';

/**
 * Inserts the reference rows this database has never had, in one transaction, and remembers
 * their keys: a row is offered once, so a row an operator changed stays changed and a row an
 * operator removed is not brought back. Returns the keys offered now (none on a second run).
 */
export async function insertReference(ds: DataSource, rows: readonly ReferenceRow[]): Promise<string[]> {
  if (rows.length === 0) return [];
  await ds.query(REFERENCE_LEDGER);
  const known = new Set((await ds.query('SELECT key FROM reference_rows')).map((r: { key: string }) => r.key));
  const missing = rows.filter((row) => !known.has(row.key));
  if (missing.length === 0) return [];
  await ds.transaction(async (tx) => {
    for (const row of missing) {
      await tx.query(row.sql, row.params);
      await tx.query('INSERT INTO reference_rows (key) VALUES ($1) ON CONFLICT DO NOTHING', [row.key]);
    }
  });
  return missing.map((row) => row.key);
}

/** Names under which seed_runs records the demo data: `base` is what the single seed of before wrote. */
const DEMO_RUNS = ['demo', 'base'];

/** Loads the demo data unless this database already had it (or the old seed); returns whether it ran. */
export async function loadDemoOnce(ds: DataSource, demo: ((ds: DataSource) => Promise<void>) | undefined): Promise<boolean> {
  if (!demo) return false;
  await ds.query('CREATE TABLE IF NOT EXISTS seed_runs (name text PRIMARY KEY, ran_at timestamptz NOT NULL DEFAULT now())');
  const done = await ds.query('SELECT 1 FROM seed_runs WHERE name = ANY($1)', [DEMO_RUNS]);
  if (done.length > 0) return false;
  await demo(ds);
  await ds.query('INSERT INTO seed_runs (name) VALUES ($1) ON CONFLICT DO NOTHING', ['demo']);
  return true;
}
