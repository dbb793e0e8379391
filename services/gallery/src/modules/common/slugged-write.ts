import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { PG, pgCode, pgConstraint } from '@maison/kit';
import { ok, refuse, slugTaken, type Outcome, type RuleViolation } from '@maison/house';
import { freeSlug } from './free-slug';

/** The tables whose rows the gallery names by a unique slug. */
export type SluggedTable = 'artist' | 'artwork';

/** A derived slug taken by a concurrent create meanwhile is derived again, a few times; one asked for is simply taken. */
export const derivedSlugRetries = (draft: { slug: string | null }) => (draft.slug === null ? 3 : 0);

/**
 * Runs the writes of an artist or an artwork in a transaction, and answers the row as committed or
 * why nothing was written (every refusal comes before the first write). Two writers choosing one
 * slug at the same moment: the loser's derived slug is derived again, a slug it asked for is taken.
 */
export async function writeSlugged<T extends ObjectLiteral>(
  ds: DataSource,
  target: { entity: EntityTarget<T>; table: SluggedTable },
  id: string,
  work: (tx: EntityManager) => Promise<RuleViolation[]>,
  retries = 0,
): Promise<Outcome<T>> {
  try {
    const refused = await ds.transaction((tx) => work(tx));
    if (refused.length > 0) return refuse(...refused);
    return ok(await ds.getRepository(target.entity).findOneByOrFail({ id } as never));
  } catch (error) {
    if (pgCode(error) === PG.uniqueViolation && pgConstraint(error) === `${target.table}_slug_key`) {
      return retries > 0 ? writeSlugged(ds, target, id, work, retries - 1) : refuse(slugTaken());
    }
    throw error;
  }
}

/** The slug asked for (when free), or the first free one derived from `base`: base, base-2, base-3… */
export async function slugFor(tx: EntityManager, table: SluggedTable, asked: string | null, base: () => string): Promise<string | RuleViolation> {
  if (asked !== null) {
    const taken = await tx.query(`SELECT 1 FROM ${table} WHERE slug = $1`, [asked]);
    return taken.length > 0 ? slugTaken() : asked;
  }
  return freeSlug(tx, table, base());
}
