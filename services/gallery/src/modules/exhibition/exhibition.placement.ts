import type { Texts } from '@maison/house';
import { holdTitle, type Placement } from '@maison/space-holds';

/** The label of a vernissage's hold in the ledger (public there): "Vernissage : <French title>". */
export const VERNISSAGE_HOLD_LABEL = 'Vernissage';

/**
 * The hold an exhibition's vernissage needs: only one held in a shared space needs one, for the
 * people it expects (none stated: no capacity check), with ADMIN's override of the space's rules if any.
 */
export function placementOf(e: {
  titleTexts: Texts;
  vernissageSpaceId: string | null;
  vernissageStartsAt: Date | null;
  vernissageEndsAt: Date | null;
  vernissageExpectedAttendees: number | null;
  vernissageOverrideReason: string | null;
}): Placement | null {
  if (!e.vernissageSpaceId || !e.vernissageStartsAt || !e.vernissageEndsAt) return null;
  return {
    spaceId: e.vernissageSpaceId,
    startsAt: e.vernissageStartsAt,
    endsAt: e.vernissageEndsAt,
    title: holdTitle(VERNISSAGE_HOLD_LABEL, e.titleTexts.fr),
    attendees: e.vernissageExpectedAttendees,
    overrideReason: e.vernissageOverrideReason,
  };
}
