import type { EntityManager } from 'typeorm';

const BATCH = 50;

/**
 * The first of base, base-2, base-3… that no row of `table` has, asked by equality in batches of
 * 50 (the UNIQUE index on slug answers; a pattern over every slug would scan the table). To be
 * called inside the transaction that inserts the row.
 */
export async function freeSlug(tx: EntityManager, table: 'artist' | 'artwork', base: string): Promise<string> {
  // Concurrent creates deriving from one base take turns until their transactions end: each sees the slugs the others took.
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${table}-slug:${base}`]);
  for (let start = 1; ; start += BATCH) {
    const candidates = Array.from({ length: BATCH }, (_, i) => (start + i === 1 ? base : `${base}-${start + i}`));
    const rows: { slug: string }[] = await tx.query(`SELECT slug FROM ${table} WHERE slug = ANY($1)`, [candidates]);
    const taken = new Set(rows.map((r) => r.slug));
    const free = candidates.find((c) => !taken.has(c));
    if (free) return free;
  }
}
