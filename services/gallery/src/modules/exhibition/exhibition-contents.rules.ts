import { inputReason, UserErrorCode } from '@maison/errors';
import { invalid, tr, type RuleViolation, type Texts } from '@maison/house';
import type { Lang } from '@maison/config';
import { idList, MAX_LINKS } from './exhibition.validation';

/** The argument a list of contents comes in: addArtworksToExhibition(artworkIds:), addArtistsToExhibition(artistIds:)… */
export type ContentsField = 'artworkIds' | 'artistIds';

/** The ids of a contents mutation, in order, without repeats; malformed ones are NOT_FOUND at their position. */
export function contentIds(ids: readonly string[], field: ContentsField): { ids: string[]; violations: RuleViolation[] } {
  const violations: RuleViolation[] = [];
  return { ids: idList(ids, field, violations, []), violations };
}

/** An exhibition shows at most MAX_LINKS works and MAX_LINKS artists. */
export const tooMany = (field: ContentsField, count: number): RuleViolation | null =>
  count > MAX_LINKS ? invalid([field], inputReason('AT_MOST_ITEMS', { max: MAX_LINKS })) : null;

/** A work and the other exhibition it is in on some of the same days. */
export interface OverlapConflict {
  artworkId: string;
  otherTitle: Texts;
}

/**
 * ARTWORK_IN_OTHER_EXHIBITION for each work of `ids` (at its position under `field`) that another
 * exhibition shows on some of the same days, naming that exhibition in the caller's language; or on
 * `dateField` when the works are those already shown and the dates are what changed.
 */
export function overlapViolations(conflicts: readonly OverlapConflict[], ids: readonly string[], field: string[], lang: Lang): RuleViolation[] {
  return ids.flatMap((id, i) => {
    const conflict = conflicts.find((c) => c.artworkId === id);
    return conflict
      ? [{ code: UserErrorCode.ARTWORK_IN_OTHER_EXHIBITION, field: [...field, String(i)], params: { title: tr(conflict.otherTitle, lang) } }]
      : [];
  });
}

/** The same refusal when the dates changed: once per work, on the date field. */
export function dateOverlapViolations(conflicts: readonly OverlapConflict[], field: string[], lang: Lang): RuleViolation[] {
  const titles = [...new Set(conflicts.map((c) => tr(c.otherTitle, lang)))];
  return titles.map((title) => ({ code: UserErrorCode.ARTWORK_IN_OTHER_EXHIBITION, field, params: { title } }));
}
