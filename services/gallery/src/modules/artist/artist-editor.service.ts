import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { UserErrorCode } from '@maison/errors';
import { isUuid, refuse, type Outcome, type RuleViolation, type Texts } from '@maison/house';
import { slugify } from '../exhibition/slug';
import { derivedSlugRetries, slugFor, writeSlugged } from '../common/slugged-write';
import { Artist } from './artist.entity';
import { ARTIST_BOUNDS, validateArtist, type ArtistDraft } from './artist.validation';

const TARGET = { entity: Artist, table: 'artist' } as const;
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

const notFound = (): RuleViolation => ({ code: UserErrorCode.NOT_FOUND, field: ['id'] });

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
    return writeSlugged(
      this.ds,
      TARGET,
      id,
      async (tx) => {
        const slug = await slugFor(tx, 'artist', draft.slug, () => slugify(draft.name, ARTIST_BOUNDS.slugMax - 6, 'artiste'));
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
    return writeSlugged(this.ds, TARGET, artistId, async (tx) => {
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
}

/** Columns name … is_public, in the order of the INSERT and UPDATE above. */
const columnsOf = (d: ArtistDraft) => [d.name, d.bioTexts, JSON.stringify(d.disciplineTexts), d.website, d.isPublic];
