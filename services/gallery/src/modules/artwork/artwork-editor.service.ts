import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { UserErrorCode } from '@maison/errors';
import { isUuid, refuse, todayInHouse, type Outcome, type RuleViolation, type Texts } from '@maison/house';
import { slugify } from '../exhibition/slug';
import { derivedSlugRetries, slugFor, writeSlugged } from '../common/slugged-write';
import { Artwork, ArtworkAvailability } from './artwork.entity';
import { ARTWORK_BOUNDS, validateArtwork, type ArtworkDraft, type ArtworkFields, type ArtworkRuleContext } from './artwork.validation';

const TARGET = { entity: Artwork, table: 'artwork' } as const;
export interface ArtworkChanges {
  title?: Texts | null;
  year?: number | null;
  medium?: Texts | null;
  dimensions?: string | null;
  priceCents?: number | null;
  priceOnRequest?: boolean | null;
  availability?: ArtworkAvailability | null;
  imageUrl?: string | null;
  imageAlt?: Texts | null;
}

export interface NewArtwork extends ArtworkChanges {
  slug?: string | null;
  title: Texts;
  year: number;
  medium: Texts;
  dimensions: string;
}

const notFound = (): RuleViolation => ({ code: UserErrorCode.NOT_FOUND, field: ['id'] });
const retired = (): RuleViolation => ({ code: UserErrorCode.ALREADY_RETIRED, field: ['id'] });
const thisYear = () => Number(todayInHouse().slice(0, 4));

/** A work's row, locked until the end of the transaction: every check of an update or a retirement reads it. */
export function lockArtwork(tx: EntityManager, id: string): Promise<Artwork | null> {
  return tx.getRepository(Artwork).createQueryBuilder('a').setLock('pessimistic_write').where('a.id = :id', { id }).getOne();
}

/**
 * Creates, changes and retires works (the resolver checks who may). Each change locks the work's
 * row, so the checks (sold, retired, on display, in an exhibition) and the write see the same work.
 */
export class ArtworkEditor {
  constructor(private readonly ds: DataSource) {}

  /** A new work of `artistId` (a known artist: the resolver checked it). */
  async create(artistId: string, input: NewArtwork): Promise<Outcome<Artwork>> {
    const { draft, violations } = validateArtwork(
      {
        slug: input.slug ?? null,
        title: input.title,
        year: input.year,
        medium: input.medium,
        dimensions: input.dimensions,
        priceCents: input.priceCents ?? null,
        availability: input.availability ?? ArtworkAvailability.AVAILABLE,
        imageUrl: input.imageUrl ?? null,
        imageAlt: input.imageAlt ?? null,
      },
      { thisYear: thisYear(), priceOnRequest: input.priceOnRequest ?? null, priceAsked: input.priceCents != null, availabilityAsked: true, stored: null },
    );
    if (violations.length > 0) return refuse(...violations);
    const id = randomUUID();
    return writeSlugged(
      this.ds,
      TARGET,
      id,
      async (tx) => {
        const slug = await slugFor(tx, 'artwork', draft.slug, () => slugify(draft.titleTexts.fr, ARTWORK_BOUNDS.slugMax - 6, 'oeuvre'));
        if (typeof slug !== 'string') return [slug];
        await tx.query(
          `INSERT INTO artwork (id, slug, artist_id, title, year, medium, dimensions, price_cents, availability, image_url, image_alt)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [id, slug, artistId, ...columnsOf(draft)],
        );
        return [];
      },
      derivedSlugRetries(draft),
    );
  }

  async update(id: string, input: ArtworkChanges): Promise<Outcome<Artwork>> {
    if (!isUuid(id)) return refuse(notFound());
    const artworkId = id.toLowerCase();
    return writeSlugged(this.ds, TARGET, artworkId, async (tx) => {
      const existing = await lockArtwork(tx, artworkId);
      if (!existing) return [notFound()];
      if (existing.retiredAt) return [retired()];
      const { fields, context } = merged(existing, input);
      const { draft, violations } = validateArtwork(fields, context);
      if (violations.length > 0) return violations;
      await tx.query(
        `UPDATE artwork SET title = $2, year = $3, medium = $4, dimensions = $5, price_cents = $6, availability = $7, image_url = $8, image_alt = $9
         WHERE id = $1`,
        [artworkId, ...columnsOf(draft)],
      );
      return [];
    });
  }

  /**
   * Takes a work out of the catalogue: it leaves the walls of the house, keeps its rows (exhibitions,
   * sale). IN_EXHIBITION while a current or upcoming exhibition (in house time) shows it.
   */
  async retire(id: string): Promise<Outcome<Artwork>> {
    if (!isUuid(id)) return refuse(notFound());
    const artworkId = id.toLowerCase();
    return writeSlugged(this.ds, TARGET, artworkId, async (tx) => {
      const existing = await lockArtwork(tx, artworkId);
      if (!existing) return [notFound()];
      if (existing.retiredAt) return [retired()];
      const shown: { slug: string }[] = await tx.query(
        `SELECT e.slug FROM exhibition_artwork ea JOIN exhibition e ON e.id = ea.exhibition_id
         WHERE ea.artwork_id = $1 AND e.ends_on >= $2 ORDER BY e.starts_on, e.id LIMIT 1`,
        [artworkId, todayInHouse()],
      );
      if (shown.length > 0) return [{ code: UserErrorCode.IN_EXHIBITION, field: ['id'], params: { exhibition: shown[0]!.slug } }];
      await tx.query('UPDATE artwork SET retired_at = now(), displayed_in_space_id = NULL WHERE id = $1', [artworkId]);
      return [];
    });
  }
}

/**
 * The stored work with the changes of the input: a field left out keeps its value; null clears
 * imageUrl and imageAlt (not the required fields). priceOnRequest true clears the price, and so does
 * NOT_FOR_SALE (which never has one) unless a price is given.
 */
function merged(e: Artwork, input: ArtworkChanges): { fields: ArtworkFields; context: ArtworkRuleContext } {
  const availability = input.availability ?? e.availability;
  const priceAsked = input.priceCents != null;
  const cleared = input.priceOnRequest === true || (input.availability === ArtworkAvailability.NOT_FOR_SALE && e.availability !== ArtworkAvailability.SOLD);
  return {
    fields: {
      slug: null,
      title: input.title ?? e.titleTexts,
      year: input.year ?? e.year,
      medium: input.medium ?? e.mediumTexts,
      dimensions: input.dimensions ?? e.dimensions,
      priceCents: priceAsked ? input.priceCents! : cleared ? null : e.priceCents,
      availability,
      imageUrl: input.imageUrl === undefined ? e.imageUrl : input.imageUrl,
      imageAlt: input.imageAlt === undefined ? e.imageAltTexts : input.imageAlt,
    },
    context: {
      thisYear: thisYear(),
      priceOnRequest: input.priceOnRequest ?? null,
      priceAsked,
      availabilityAsked: input.availability != null,
      stored: { availability: e.availability, displayed: e.displayedInSpaceId !== null },
    },
  };
}

/** Columns title … image_alt, in the order of the INSERT and UPDATE above. */
const columnsOf = (d: ArtworkDraft) => [d.titleTexts, d.year, d.mediumTexts, d.dimensions, d.priceCents, d.availability, d.imageUrl, d.imageAltTexts];
