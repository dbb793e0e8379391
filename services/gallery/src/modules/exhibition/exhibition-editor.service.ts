import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { UserErrorCode } from '@maison/errors';
import { PG, pgCode, pgConstraint } from '@maison/kit';
import { isUuid, slugTaken, type RuleViolation } from '@maison/house';
import {
  idempotencyKeyViolation,
  lockIdempotencyKey,
  ownerHold,
  replayStored,
  requestFingerprint,
  type CallContext,
  type HeldWrites,
  type OwnerChange,
} from '@maison/space-holds';
import { Exhibition } from './exhibition.entity';
import type { CreateExhibitionInput, UpdateExhibitionInput } from './exhibition.input';
import { placementOf } from './exhibition.placement';
import { firstFreeSlug, slugify } from './slug';
import { validateExhibition, type ExhibitionDraft, type ExhibitionFields } from './exhibition.validation';
import { lockExhibition, VERNISSAGE_HOLD_KIND } from './vernissage-holds';
import { dateOverlapViolations, overlapViolations } from './exhibition-contents.rules';
import { lostOverlapRace, overlapConflicts, OVERLAP_TRIES } from './exhibition-overlap';

export interface EditOutcome {
  exhibition: Exhibition | null;
  errors: RuleViolation[];
}

const fail = (...errors: RuleViolation[]): EditOutcome => ({ exhibition: null, errors });
const notFound = (): RuleViolation => ({ code: UserErrorCode.NOT_FOUND, field: ['id'] });

/** The hold an exhibition's vernissage has, as its locked row says. */
const holdOf = (e: Exhibition) => ownerHold(VERNISSAGE_HOLD_KIND, e.id, e.holdReference, placementOf(e));

/**
 * Creates, updates and cancels exhibitions (ADMIN; the resolver checks the role). A vernissage in a
 * shared space is held in the tenants ledger inside the same write (HeldWrites of
 * @maison/space-holds): the exhibition and its hold are saved together or not at all.
 */
export class ExhibitionEditor {
  constructor(
    private readonly ds: DataSource,
    private readonly holds: HeldWrites,
  ) {}

  async create(input: CreateExhibitionInput, call: CallContext): Promise<EditOutcome> {
    const { draft, violations } = validateExhibition({
      slug: input.slug ?? null,
      title: input.title,
      description: input.description ?? null,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      coverImageUrl: input.coverImageUrl ?? null,
      artistIds: input.artistIds ?? [],
      artworkIds: input.artworkIds ?? [],
      vernissage: input.vernissage ?? null,
    });
    const key = input.idempotencyKey ?? null;
    const badKey = idempotencyKeyViolation(key);
    if (violations.length > 0 || badKey) return fail(...violations, ...(badKey ? [badKey] : []));
    const fingerprint = fingerprintOf(draft);
    // A retry of a create that succeeded answers the same exhibition.
    const replayed = key ? await replayStored(this.ds.manager, 'exhibition', key, fingerprint) : null;
    if (replayed) return 'reused' in replayed ? fail(replayed.reused) : this.found(replayed.id);
    const id = randomUUID();
    return this.write(call, id, async (tx) => {
      if (key) {
        await lockIdempotencyKey(tx, 'exhibition', key);
        const concurrent = await replayStored(tx, 'exhibition', key, fingerprint);
        if (concurrent) return 'reused' in concurrent ? { refused: [concurrent.reused] } : { value: concurrent.id, before: null, after: null };
      }
      const refused = await this.checkReferences(tx, draft);
      if (refused.length > 0) return { refused };
      const overlaps = overlapViolations(
        await overlapConflicts(tx, id, draft.artworkIds, draft.startsOn, draft.endsOn),
        draft.artworkIds,
        ['input', 'artworkIds'],
        call.lang,
      );
      if (overlaps.length > 0) return { refused: overlaps };
      const slug = await this.slugFor(tx, draft, id);
      if (typeof slug !== 'string') return { refused: [slug] };
      await tx.query(
        `INSERT INTO exhibition (id, slug, title, description, starts_on, ends_on, cover_image_url,
           vernissage_starts_at, vernissage_ends_at, vernissage_venue, vernissage_space_id, vernissage_expected_attendees, vernissage_override_reason,
           idempotency_key, request_fingerprint)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
        [id, slug, ...columnsOf(draft), key, key && fingerprint],
      );
      await this.replaceLinks(tx, id, draft, { artists: true, artworks: true });
      return { value: id, before: null, after: placementOf(stored(draft)) };
    });
  }

  async update(id: string, input: UpdateExhibitionInput, call: CallContext): Promise<EditOutcome> {
    if (!isUuid(id)) return fail(notFound());
    const exhibitionId = id.toLowerCase();
    return this.write(call, exhibitionId, async (tx) => {
      const existing = await lockExhibition(tx, exhibitionId);
      if (!existing) return { refused: [notFound()] };
      const { draft, violations } = validateExhibition(await merged(tx, existing, input));
      if (violations.length > 0) return { refused: violations };
      const refused = await this.checkReferences(tx, draft);
      if (refused.length > 0) return { refused };
      const overlaps = await this.updateOverlaps(tx, exhibitionId, draft, input, call);
      if (overlaps.length > 0) return { refused: overlaps };
      const slug = input.slug == null ? existing.slug : await this.slugFor(tx, draft, exhibitionId);
      if (typeof slug !== 'string') return { refused: [slug] };
      // Works leaving the exhibition leave before its days change: only the works it keeps move to the new days.
      if (input.artworkIds != null) await tx.query('DELETE FROM exhibition_artwork WHERE exhibition_id = $1', [exhibitionId]);
      await tx.query(
        `UPDATE exhibition SET slug = $2, title = $3, description = $4, starts_on = $5, ends_on = $6, cover_image_url = $7,
           vernissage_starts_at = $8, vernissage_ends_at = $9, vernissage_venue = $10, vernissage_space_id = $11,
           vernissage_expected_attendees = $12, vernissage_override_reason = $13
         WHERE id = $1`,
        [exhibitionId, slug, ...columnsOf(draft)],
      );
      await this.replaceLinks(tx, exhibitionId, draft, { artists: input.artistIds != null, artworks: input.artworkIds != null });
      return { value: exhibitionId, before: holdOf(existing), after: placementOf(stored(draft)) };
    });
  }

  /** Removes an exhibition; its vernissage's hold is released once the removal is committed. */
  async cancel(id: string, call: CallContext): Promise<{ cancelledId: string | null; errors: RuleViolation[] }> {
    if (!isUuid(id)) return { cancelledId: null, errors: [notFound()] };
    const exhibitionId = id.toLowerCase();
    const outcome = await this.holds.write(call, exhibitionId, async (tx): Promise<OwnerChange<string, RuleViolation>> => {
      const existing = await lockExhibition(tx, exhibitionId);
      if (!existing) return { refused: [notFound()] };
      await tx.query('DELETE FROM exhibition WHERE id = $1', [exhibitionId]);
      return { value: exhibitionId, before: holdOf(existing), after: null };
    });
    return 'refused' in outcome ? { cancelledId: null, errors: outcome.refused } : { cancelledId: outcome.value, errors: [] };
  }

  private async write(call: CallContext, id: string, work: (tx: EntityManager) => Promise<OwnerChange<string, RuleViolation>>): Promise<EditOutcome> {
    for (let attempt = 1; ; attempt++) {
      try {
        const outcome = await this.holds.write(call, id, work);
        if ('refused' in outcome) return fail(...outcome.refused);
        return this.found(outcome.value);
      } catch (error) {
        // Two writers choosing one slug at the same moment: the later one learns it is taken.
        if (pgCode(error) === PG.uniqueViolation && pgConstraint(error) === 'exhibition_slug_key') return fail(slugTaken());
        // A work added elsewhere on the same days meanwhile: nothing was saved nor held; the next try's check names it.
        if (attempt < OVERLAP_TRIES && lostOverlapRace(error)) continue;
        throw error;
      }
    }
  }

  /**
   * The works of the updated exhibition that another one shows on some of its new days: on their
   * position in artworkIds when the list is given, else on the date that changed.
   */
  private async updateOverlaps(
    tx: EntityManager,
    id: string,
    draft: ExhibitionDraft,
    input: UpdateExhibitionInput,
    call: CallContext,
  ): Promise<RuleViolation[]> {
    const conflicts = await overlapConflicts(tx, id, draft.artworkIds, draft.startsOn, draft.endsOn);
    if (input.artworkIds != null) return overlapViolations(conflicts, draft.artworkIds, ['input', 'artworkIds'], call.lang);
    return dateOverlapViolations(conflicts, ['input', input.startsOn != null ? 'startsOn' : 'endsOn'], call.lang);
  }

  private async found(id: string): Promise<EditOutcome> {
    return { exhibition: await this.ds.getRepository(Exhibition).findOneByOrFail({ id }), errors: [] };
  }

  /** The slug asked for (when free), or one derived from the French title: base, base-2, base-3… */
  private async slugFor(tx: EntityManager, draft: ExhibitionDraft, id: string): Promise<string | RuleViolation> {
    if (draft.slug !== null) {
      const taken = await tx.query('SELECT 1 FROM exhibition WHERE slug = $1 AND id <> $2', [draft.slug, id]);
      return taken.length > 0 ? slugTaken() : draft.slug;
    }
    const base = slugify(draft.titleTexts.fr);
    const rows: { slug: string }[] = await tx.query(`SELECT slug FROM exhibition WHERE (slug = $1 OR slug ~ ('^' || $1 || '-[0-9]+$')) AND id <> $2`, [
      base,
      id,
    ]);
    return firstFreeSlug(base, new Set(rows.map((r) => r.slug)));
  }

  /** Artists and artworks named by the draft that do not exist: NOT_FOUND at their position in the input. */
  private async checkReferences(tx: EntityManager, draft: ExhibitionDraft): Promise<RuleViolation[]> {
    const missing = async (table: 'artist' | 'artwork', ids: string[], field: string) => {
      if (ids.length === 0) return [];
      const found = new Set(((await tx.query(`SELECT id FROM ${table} WHERE id = ANY($1)`, [ids])) as { id: string }[]).map((r) => r.id));
      return ids.flatMap((id, i) => (found.has(id) ? [] : [{ code: UserErrorCode.NOT_FOUND, field: ['input', field, String(i)] }]));
    };
    return [...(await missing('artist', draft.artistIds, 'artistIds')), ...(await missing('artwork', draft.artworkIds, 'artworkIds'))];
  }

  private async replaceLinks(tx: EntityManager, id: string, draft: ExhibitionDraft, which: { artists: boolean; artworks: boolean }): Promise<void> {
    if (which.artists) {
      await tx.query('DELETE FROM exhibition_artist WHERE exhibition_id = $1', [id]);
      await tx.query(
        `INSERT INTO exhibition_artist (exhibition_id, artist_id, position) SELECT $1, a.id, a.pos - 1 FROM unnest($2::uuid[]) WITH ORDINALITY AS a(id, pos)`,
        [id, draft.artistIds],
      );
    }
    if (which.artworks) {
      await tx.query('DELETE FROM exhibition_artwork WHERE exhibition_id = $1', [id]);
      await tx.query(
        `INSERT INTO exhibition_artwork (exhibition_id, artwork_id, position) SELECT $1, w.id, w.pos - 1 FROM unnest($2::uuid[]) WITH ORDINALITY AS w(id, pos)`,
        [id, draft.artworkIds],
      );
    }
  }
}

/** The exhibition as stored, with the changes of the input: absent fields keep their value. */
async function merged(tx: EntityManager, e: Exhibition, input: UpdateExhibitionInput): Promise<ExhibitionFields> {
  const links = async (table: string, column: string): Promise<string[]> =>
    ((await tx.query(`SELECT ${column} AS id FROM ${table} WHERE exhibition_id = $1 ORDER BY position`, [e.id])) as { id: string }[]).map((r) => r.id);
  const current = storedVernissage(e);
  return {
    slug: input.slug ?? e.slug,
    title: input.title ?? e.titleTexts,
    description: input.description === undefined ? e.descriptionTexts : input.description,
    startsOn: input.startsOn ?? e.startsOn,
    endsOn: input.endsOn ?? e.endsOn,
    coverImageUrl: input.coverImageUrl === undefined ? e.coverImageUrl : input.coverImageUrl,
    artistIds: input.artistIds ?? (await links('exhibition_artist', 'artist_id')),
    artworkIds: input.artworkIds ?? (await links('exhibition_artwork', 'artwork_id')),
    vernissage: input.vernissage === undefined ? current : input.vernissage,
  };
}

function storedVernissage(e: Exhibition): ExhibitionFields['vernissage'] {
  if (!e.vernissageStartsAt || !e.vernissageEndsAt) return null;
  return {
    startsAt: e.vernissageStartsAt,
    endsAt: e.vernissageEndsAt,
    sharedSpaceId: e.vernissageSpaceId,
    venue: e.vernissageVenueTexts,
    expectedAttendees: e.vernissageExpectedAttendees,
    spaceRulesOverride: e.vernissageOverrideReason === null ? null : { reason: e.vernissageOverrideReason },
  };
}

/** The fingerprint of a create; a vernissage stating neither attendees nor an override is fingerprinted as before they existed. */
function fingerprintOf(d: ExhibitionDraft): string {
  if (!d.vernissage) return requestFingerprint(d);
  const { expectedAttendees, overrideReason, ...vernissage } = d.vernissage;
  const terms = { ...(expectedAttendees !== null && { expectedAttendees }), ...(overrideReason !== null && { overrideReason }) };
  return requestFingerprint({ ...d, vernissage: { ...vernissage, ...terms } });
}

/** The draft in the shape of a stored row (what placementOf reads). */
const stored = (d: ExhibitionDraft) => ({
  titleTexts: d.titleTexts,
  vernissageSpaceId: d.vernissage?.spaceId ?? null,
  vernissageStartsAt: d.vernissage?.startsAt ?? null,
  vernissageEndsAt: d.vernissage?.endsAt ?? null,
  vernissageExpectedAttendees: d.vernissage?.expectedAttendees ?? null,
  vernissageOverrideReason: d.vernissage?.overrideReason ?? null,
});

/** Columns title … vernissage_space_id, in the order of the INSERT and UPDATE above. */
const columnsOf = (d: ExhibitionDraft) => [
  d.titleTexts,
  d.descriptionTexts,
  d.startsOn,
  d.endsOn,
  d.coverImageUrl,
  d.vernissage?.startsAt ?? null,
  d.vernissage?.endsAt ?? null,
  d.vernissage?.venueTexts ?? null,
  d.vernissage?.spaceId ?? null,
  d.vernissage?.expectedAttendees ?? null,
  d.vernissage?.overrideReason ?? null,
];
