import { inputReason, UserErrorCode } from '@maison/errors';
import { cleanTexts, invalid, isUuid, type RuleViolation, type Texts } from '@maison/house';
import { ArtworkPlace } from './artwork-placement.entity';
import { ArtworkAvailability } from './price-label';

/** A note on a placement: "prêtée pour le souper", "à droite du foyer". */
export const MAX_NOTE_CHARACTERS = 500;

export interface PlacementRequest {
  artworkId: string;
  sharedSpaceId?: string | null;
  inGallery?: boolean | null;
  note?: { fr: string; en?: string | null } | null;
}

/** Where placeArtwork puts the work, cleaned. */
export interface PlacementTarget {
  artworkId: string;
  place: ArtworkPlace;
  spaceId: string | null;
  note: Texts | null;
}

/**
 * Reads placeArtwork's input: a sharedSpaceId (a shared space), or inGallery: true (the gallery), or
 * neither with inGallery: false (taken down, in storage). Both, or neither with inGallery left out, is
 * INVALID_INPUT. Ids that are not UUIDs name nothing: NOT_FOUND.
 */
export function placementTarget(input: PlacementRequest): { target: PlacementTarget | null; violations: RuleViolation[] } {
  const violations: RuleViolation[] = [];
  const hasSpace = input.sharedSpaceId != null;
  if (hasSpace && input.inGallery === true) violations.push(invalid(['input', 'inGallery'], inputReason('NOT_WITH', { other: 'sharedSpaceId' })));
  if (!hasSpace && input.inGallery == null) violations.push(invalid(['input', 'inGallery'], inputReason('EXACTLY_ONE_OF_THEM')));
  if (!isUuid(input.artworkId)) violations.push({ code: UserErrorCode.NOT_FOUND, field: ['input', 'artworkId'] });
  if (hasSpace && !isUuid(input.sharedSpaceId!)) violations.push({ code: UserErrorCode.NOT_FOUND, field: ['input', 'sharedSpaceId'] });
  const note = input.note ? cleanTexts(input.note, ['input', 'note'], { max: MAX_NOTE_CHARACTERS }) : null;
  violations.push(...(note?.violations ?? []));
  if (violations.length > 0) return { target: null, violations };
  const place = hasSpace ? ArtworkPlace.SHARED_SPACE : input.inGallery ? ArtworkPlace.GALLERY : ArtworkPlace.STORAGE;
  return {
    target: { artworkId: input.artworkId.toLowerCase(), place, spaceId: hasSpace ? input.sharedSpaceId!.toLowerCase() : null, note: note?.texts ?? null },
    violations: [],
  };
}

/**
 * Whether a work of this availability can be placed. ON_LOAN is away from the house: nowhere
 * (ARTWORK_ON_LOAN; the CHECK artwork_on_loan_is_not_displayed of migration 001 keeps it out of the
 * shared spaces). A SOLD work stays where it is until the buyer takes it: it can still be moved or
 * taken down. AVAILABLE and NOT_FOR_SALE go anywhere. A retired work goes nowhere (ALREADY_RETIRED).
 */
export function availabilityViolation(availability: ArtworkAvailability, retiredAt: Date | null): RuleViolation | null {
  // A retired work has left the catalogue (the CHECK artwork_retired_is_not_displayed of migration 006).
  if (retiredAt !== null) return { code: UserErrorCode.ALREADY_RETIRED, field: ['input', 'artworkId'] };
  return availability === ArtworkAvailability.ON_LOAN ? { code: UserErrorCode.ARTWORK_ON_LOAN, field: ['input', 'artworkId'] } : null;
}

/** The same place as the open stay: placing it there again changes nothing (no new row in the history). */
export const samePlace = (open: { place: ArtworkPlace; spaceId: string | null } | null, target: PlacementTarget): boolean =>
  open !== null && open.place === target.place && open.spaceId === target.spaceId;
