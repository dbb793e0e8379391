import type { Texts } from '@maison/house';
import type { Placement } from '../vernissage-hold/vernissage-holds';

/** The title of a vernissage's hold in the ledger (public there): "Vernissage : <French title>", 200 characters at most. */
export function holdTitle(title: Texts): string {
  return [...`Vernissage : ${title.fr}`].slice(0, 200).join('');
}

/** The hold an exhibition's vernissage needs: only one held in a shared space needs one. */
export function placementOf(e: {
  titleTexts: Texts;
  vernissageSpaceId: string | null;
  vernissageStartsAt: Date | null;
  vernissageEndsAt: Date | null;
}): Placement | null {
  if (!e.vernissageSpaceId || !e.vernissageStartsAt || !e.vernissageEndsAt) return null;
  return { spaceId: e.vernissageSpaceId, startsAt: e.vernissageStartsAt, endsAt: e.vernissageEndsAt, title: holdTitle(e.titleTexts) };
}
