import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { UserErrorCode } from '@maison/errors';
import { PG, pgCode, pgConstraint } from '@maison/kit';
import { isUuid, ok, refuse, type Outcome, type RuleViolation, type Texts } from '@maison/house';
import { slugify } from '../exhibition/slug';
import { freeSlug } from '../common/free-slug';
import { Artist } from './artist.entity';
import { ARTIST_BOUNDS, validateArtist, type ArtistDraft } from './artist.validation';

export interface ArtistChanges {
  name?: string | null;
  disciplines?: Texts[] | null;
  bio?: Texts | null;
  website?: string | null;
  isPublic?: boolean | null;
}

export interface NewArtist extends ArtistChanges {
  slug?: string | null;
  name: string;
}

/** A derived slug taken by a concurrent create meanwhile is derived again, a few times. */
const derivedSlugRetries = (draft: { slug: string | null }) => (draft.slug === null ? 3 : 0);
const notFound = (): RuleViolation => ({ code: UserErrorCode.NOT_FOUND, field: ['id'] });
export const slugTaken = (): RuleViolation => ({ code: UserErrorCode.SLUG_TAKEN, field: ['input', 'slug'] });

/**
 * Creates and changes artists' records (the resolver checks who may). An update locks the artist's
 * row, so two concurrent changes apply one after the other, each to the record the other left.
 */
export class ArtistEditor {
  constructor(private readonly ds: DataSource) {}

  async create(input: NewArtist): Promise<Outcome<Artist>> {
    const { draft, violations } = validateArtist({
      slug: input.slug ?? null,
      name: input.name,
      disciplines: input.disciplines ?? [],
      bio: input.bio ?? null,
      website: input.website ?? null,
      isPublic: input.isPublic ?? true,
    });
    if (violations.length > 0) return refuse(...violations);
    const id = randomUUID();
    return this.write(
      id,
      async (tx) => {
        const slug = await this.slugFor(tx, draft);
        if (typeof slug !== 'string') return [slug];
        await tx.query(`INSERT INTO artist (id, slug, name, bio, disciplines, website, is_public) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
          id,
          slug,
          ...columnsOf(draft),
        ]);
        return [];
      },
      derivedSlugRetries(draft),
    );
  }

  async update(id: string, input: ArtistChanges): Promise<Outcome<Artist>> {
    if (!isUuid(id)) return refuse(notFound());
    const artistId = id.toLowerCase();
    return this.write(artistId, async (tx) => {
      const existing = await tx.getRepository(Artist).createQueryBuilder('a').setLock('pessimistic_write').where('a.id = :id', { id: artistId }).getOne();
      if (!existing) return [notFound()];
      const { draft, violations } = validateArtist({
        slug: null,
        name: input.name ?? existing.name,
        disciplines: input.disciplines ?? existing.disciplineTexts,
        bio: input.bio === undefined ? existing.bioTexts : input.bio,
        website: input.website === undefined ? existing.website : input.website,
        isPublic: input.isPublic ?? existing.isPublic,
      });
      if (violations.length > 0) return violations;
      await tx.query(`UPDATE artist SET name = $2, bio = $3, disciplines = $4, website = $5, is_public = $6 WHERE id = $1`, [artistId, ...columnsOf(draft)]);
      return [];
    });
  }

  /** Runs the writes in a transaction; the artist as committed, or why nothing was written. */
  private async write(id: string, work: (tx: EntityManager) => Promise<RuleViolation[]>, retries = 0): Promise<Outcome<Artist>> {
    try {
      // Every refusal comes before the first write: a refused call writes nothing.
      const refused = await this.ds.transaction((tx) => work(tx));
      if (refused.length > 0) return refuse(...refused);
      return ok(await this.ds.getRepository(Artist).findOneByOrFail({ id }));
    } catch (error) {
      // Two writers choosing one slug at the same moment: a derived slug is derived again, a slug asked for is taken.
      if (pgCode(error) === PG.uniqueViolation && pgConstraint(error) === 'artist_slug_key')
        return retries > 0 ? this.write(id, work, retries - 1) : refuse(slugTaken());
      throw error;
    }
  }

  /** The slug asked for (when free), or one derived from the name: base, base-2, base-3… */
  private async slugFor(tx: EntityManager, draft: ArtistDraft): Promise<string | RuleViolation> {
    if (draft.slug !== null) {
      const taken = await tx.query('SELECT 1 FROM artist WHERE slug = $1', [draft.slug]);
      return taken.length > 0 ? slugTaken() : draft.slug;
    }
    // Room for "-2", "-3"… within the bound.
    return freeSlug(tx, 'artist', slugify(draft.name, ARTIST_BOUNDS.slugMax - 6, 'artiste'));
  }
}

/** Columns name … is_public, in the order of the INSERT and UPDATE above. */
const columnsOf = (d: ArtistDraft) => [d.name, d.bioTexts, JSON.stringify(d.disciplineTexts), d.website, d.isPublic];
