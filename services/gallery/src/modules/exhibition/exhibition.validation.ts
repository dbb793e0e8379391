import { inputReason, UserErrorCode } from '@maison/errors';
import { addDays, cleanOverrideReason, cleanTexts, invalid, isUuid, slugFault, localDateOf, type RuleViolation, type Texts, isWebUrl } from '@maison/house';
import { defaultVenue } from './venue';

export const MAX_VERNISSAGE_MINUTES = 12 * 60;
/** How many days before the first day on view the opening may take place. */
export const VERNISSAGE_DAYS_BEFORE = 14;
export const MAX_LINKS = 100;
export const MAX_EXPECTED_ATTENDEES = 1000;

/** Every field of an exhibition, as given by a create or as merged by an update: what the rules check. */
export interface ExhibitionFields {
  slug: string | null;
  title: Texts;
  description: Texts | null;
  startsOn: string;
  endsOn: string;
  coverImageUrl: string | null;
  artistIds: readonly string[];
  artworkIds: readonly string[];
  vernissage: {
    startsAt: Date;
    endsAt: Date;
    sharedSpaceId?: string | null;
    venue?: Texts | null;
    expectedAttendees?: number | null;
    spaceRulesOverride?: { reason: string } | null;
  } | null;
}

export interface VernissageDraft {
  startsAt: Date;
  endsAt: Date;
  spaceId: string | null;
  venueTexts: Texts;
  expectedAttendees: number | null;
  /** ADMIN's reason for holding the shared space despite its rules; kept only for a vernissage in a shared space. */
  overrideReason: string | null;
}

/** The exhibition as it will be stored, cleaned. */
export interface ExhibitionDraft {
  slug: string | null;
  titleTexts: Texts;
  descriptionTexts: Texts | null;
  startsOn: string;
  endsOn: string;
  coverImageUrl: string | null;
  artistIds: string[];
  artworkIds: string[];
  vernissage: VernissageDraft | null;
}

/** Checks the shape of an exhibition, without the database (references are checked by the service). */
export function validateExhibition(f: ExhibitionFields): { draft: ExhibitionDraft; violations: RuleViolation[] } {
  const violations: RuleViolation[] = [];
  const slug = f.slug === null ? null : f.slug.trim();
  const slugViolation = slug === null ? null : slugFault(slug, ['input', 'slug'], 80);
  if (slugViolation) violations.push(slugViolation);
  const title = cleanTexts(f.title, ['input', 'title'], { max: 200 });
  const description = f.description && cleanTexts(f.description, ['input', 'description'], { max: 5000, multiline: true });
  violations.push(...title.violations, ...(description?.violations ?? []));
  if (f.endsOn < f.startsOn) violations.push({ code: UserErrorCode.INVALID_RANGE, field: ['input', 'endsOn'] });
  const coverImageUrl = f.coverImageUrl?.trim() || null;
  if (coverImageUrl !== null && !isWebUrl(coverImageUrl)) violations.push(invalid(['input', 'coverImageUrl'], inputReason('HTTPS_URL')));
  const artistIds = idList(f.artistIds, 'artistIds', violations);
  const artworkIds = idList(f.artworkIds, 'artworkIds', violations);
  const vernissage = f.vernissage && vernissageDraft(f.vernissage, f.startsOn, f.endsOn, violations);
  return {
    draft: {
      slug,
      titleTexts: title.texts,
      descriptionTexts: description?.texts ?? null,
      startsOn: f.startsOn,
      endsOn: f.endsOn,
      coverImageUrl,
      artistIds,
      artworkIds,
      vernissage,
    },
    violations,
  };
}

function vernissageDraft(v: NonNullable<ExhibitionFields['vernissage']>, startsOn: string, endsOn: string, violations: RuleViolation[]): VernissageDraft {
  const path = ['input', 'vernissage'];
  const minutes = (v.endsAt.getTime() - v.startsAt.getTime()) / 60_000;
  if (minutes <= 0) violations.push({ code: UserErrorCode.INVALID_RANGE, field: [...path, 'endsAt'] });
  else if (minutes > MAX_VERNISSAGE_MINUTES)
    violations.push({ code: UserErrorCode.TOO_LONG, field: [...path, 'endsAt'], params: { minutes: MAX_VERNISSAGE_MINUTES } });
  const day = localDateOf(v.startsAt);
  // Only against a valid range of days: a backwards exhibition is reported once, as INVALID_RANGE.
  if (endsOn >= startsOn && (day < addDays(startsOn, -VERNISSAGE_DAYS_BEFORE) || day > endsOn)) {
    violations.push(invalid([...path, 'startsAt'], inputReason('VERNISSAGE_WINDOW', { days: VERNISSAGE_DAYS_BEFORE })));
  }
  const spaceId = v.sharedSpaceId ?? null;
  if (spaceId !== null && !isUuid(spaceId)) violations.push({ code: UserErrorCode.NOT_FOUND, field: [...path, 'sharedSpaceId'] });
  const venue = v.venue ? cleanTexts(v.venue, [...path, 'venue'], { max: 120 }) : null;
  if (venue) violations.push(...venue.violations);
  const attendees = v.expectedAttendees ?? null;
  if (attendees !== null && (!Number.isInteger(attendees) || attendees < 1 || attendees > MAX_EXPECTED_ATTENDEES)) {
    violations.push(invalid([...path, 'expectedAttendees'], inputReason('BETWEEN', { min: 1, max: MAX_EXPECTED_ATTENDEES })));
  }
  const override = v.spaceRulesOverride ? cleanOverrideReason(v.spaceRulesOverride.reason, [...path, 'spaceRulesOverride', 'reason']) : null;
  if (override?.violation) violations.push(override.violation);
  const normalizedSpace = spaceId !== null && isUuid(spaceId) ? spaceId.toLowerCase() : spaceId;
  return {
    startsAt: v.startsAt,
    endsAt: v.endsAt,
    spaceId: normalizedSpace,
    venueTexts: venue?.texts ?? defaultVenue(normalizedSpace),
    expectedAttendees: attendees,
    overrideReason: normalizedSpace === null ? null : (override?.reason ?? null),
  };
}

/** A list of ids, in order, without repeats; a malformed id is NOT_FOUND at its position (under `at`: the input by default). */
export function idList(ids: readonly string[], name: string, violations: RuleViolation[], at: string[] = ['input']): string[] {
  if (ids.length > MAX_LINKS) violations.push(invalid([...at, name], inputReason('AT_MOST_ITEMS', { max: MAX_LINKS })));
  ids.forEach((id, i) => {
    if (!isUuid(id)) violations.push({ code: UserErrorCode.NOT_FOUND, field: [...at, name, String(i)] });
  });
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}
