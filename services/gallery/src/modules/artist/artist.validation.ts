import { inputReason } from '@maison/errors';
import { cleanText, cleanTexts, invalid, type RuleViolation, type Texts, isHttpUrl, slugFault, URL_MAX } from '@maison/house';

/** The bounds of an artist's record, the same as the CHECK constraints of migrations 001 and 006. */
export const ARTIST_BOUNDS = { slugMax: 60, nameMax: 120, disciplineMax: 80, disciplinesMax: 10, bioMax: 5000 } as const;

/** Every field of an artist, as given by a create or as merged by an update: what the rules check. */
export interface ArtistFields {
  slug: string | null;
  name: string;
  disciplines: readonly Texts[];
  bio: Texts | null;
  website: string | null;
  isPublic: boolean;
}

/** The artist as it will be stored, cleaned (NFC, trimmed; a blank website is none). */
export interface ArtistDraft {
  slug: string | null;
  name: string;
  disciplineTexts: Texts[];
  bioTexts: Texts | null;
  website: string | null;
  isPublic: boolean;
}

/** Checks the shape of an artist, without the database (the slug's uniqueness is checked by the service). */
export function validateArtist(f: ArtistFields): { draft: ArtistDraft; violations: RuleViolation[] } {
  const violations: RuleViolation[] = [];
  const slug = f.slug === null ? null : f.slug.trim();
  const badSlug = slug === null ? null : slugFault(slug, ['input', 'slug'], ARTIST_BOUNDS.slugMax);
  if (badSlug) violations.push(badSlug);
  const name = cleanText(f.name, ['input', 'name'], ARTIST_BOUNDS.nameMax);
  if (name.violation) violations.push(name.violation);
  if (f.disciplines.length > ARTIST_BOUNDS.disciplinesMax) {
    violations.push(invalid(['input', 'disciplines'], inputReason('AT_MOST_ITEMS', { max: ARTIST_BOUNDS.disciplinesMax })));
  }
  const disciplines = f.disciplines.map((d, i) => cleanTexts(d, ['input', 'disciplines', String(i)], { max: ARTIST_BOUNDS.disciplineMax }));
  for (const d of disciplines) violations.push(...d.violations);
  const bio = f.bio ? cleanTexts(f.bio, ['input', 'bio'], { max: ARTIST_BOUNDS.bioMax, multiline: true }) : null;
  if (bio) violations.push(...bio.violations);
  const website = f.website?.trim() || null;
  if (website !== null && !isHttpUrl(website)) violations.push(invalid(['input', 'website'], inputReason('HTTP_URL', { max: URL_MAX })));
  return {
    draft: { slug, name: name.text, disciplineTexts: disciplines.map((d) => d.texts), bioTexts: bio?.texts ?? null, website, isPublic: f.isPublic },
    violations,
  };
}
