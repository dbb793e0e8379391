import { stableId, type Texts } from '@maison/house';
import { VENUES } from '../../seed-data';

const SPACE_VENUES = new Map<string, Texts>([
  [stableId('shared-space', 'cuisine'), VENUES.cuisine],
  [stableId('shared-space', 'terrasse'), VENUES.terrasse],
]);
const ELSEWHERE: Texts = { fr: 'Espace partagé de la Maison', en: 'Shared space of the house' };

/** The venue shown when none is given: the gallery, the kitchen, the terrace, or a shared space of the house. */
export function defaultVenue(spaceId: string | null): Texts {
  if (spaceId === null) return VENUES.galerie;
  return SPACE_VENUES.get(spaceId.toLowerCase()) ?? ELSEWHERE;
}
