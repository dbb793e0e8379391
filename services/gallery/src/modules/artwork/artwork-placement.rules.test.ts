import { randomUUID } from 'node:crypto';
import { ArtworkPlace } from './artwork-placement.entity';
import { availabilityViolation, placementTarget, samePlace } from './artwork-placement.rules';
import { ArtworkAvailability } from './price-label';

const ART = randomUUID();
const SPACE = randomUUID();
const codes = (input: Parameters<typeof placementTarget>[0]) => placementTarget(input).violations.map((v) => [v.code, v.field]);

describe('placementTarget', () => {
  it('reads a shared space, the gallery, or storage (inGallery: false without a space)', () => {
    expect(placementTarget({ artworkId: ART.toUpperCase(), sharedSpaceId: SPACE.toUpperCase() }).target).toEqual({
      artworkId: ART,
      place: ArtworkPlace.SHARED_SPACE,
      spaceId: SPACE,
      note: null,
    });
    expect(placementTarget({ artworkId: ART, sharedSpaceId: SPACE, inGallery: false }).target?.place).toBe(ArtworkPlace.SHARED_SPACE);
    expect(placementTarget({ artworkId: ART, inGallery: true }).target?.place).toBe(ArtworkPlace.GALLERY);
    expect(placementTarget({ artworkId: ART, inGallery: false }).target).toMatchObject({ place: ArtworkPlace.STORAGE, spaceId: null });
  });

  it('refuses both places at once, and no place at all', () => {
    expect(codes({ artworkId: ART, sharedSpaceId: SPACE, inGallery: true })).toEqual([['INVALID_INPUT', ['input', 'inGallery']]]);
    expect(codes({ artworkId: ART })).toEqual([['INVALID_INPUT', ['input', 'inGallery']]]);
    expect(codes({ artworkId: ART, sharedSpaceId: null, inGallery: null })).toEqual([['INVALID_INPUT', ['input', 'inGallery']]]);
  });

  it('names nothing with ids that are not UUIDs: NOT_FOUND on each', () => {
    expect(codes({ artworkId: 'x', sharedSpaceId: 'cuisine' })).toEqual([
      ['NOT_FOUND', ['input', 'artworkId']],
      ['NOT_FOUND', ['input', 'sharedSpaceId']],
    ]);
  });

  it('cleans the note and bounds it at 500 characters in each language', () => {
    expect(placementTarget({ artworkId: ART, inGallery: true, note: { fr: '  Près du foyer ', en: '' } }).target?.note).toEqual({ fr: 'Près du foyer' });
    expect(codes({ artworkId: ART, inGallery: true, note: { fr: 'x'.repeat(500), en: 'y'.repeat(501) } })).toEqual([
      ['INVALID_INPUT', ['input', 'note', 'en']],
    ]);
    expect(codes({ artworkId: ART, inGallery: true, note: { fr: ' ' } })).toEqual([['INVALID_INPUT', ['input', 'note', 'fr']]]);
  });
});

describe('availabilityViolation', () => {
  it('keeps ON_LOAN works out of the house; SOLD, AVAILABLE and NOT_FOR_SALE may be placed', () => {
    expect(availabilityViolation(ArtworkAvailability.ON_LOAN, null)?.code).toBe('ARTWORK_ON_LOAN');
    for (const a of [ArtworkAvailability.SOLD, ArtworkAvailability.AVAILABLE, ArtworkAvailability.NOT_FOR_SALE])
      expect(availabilityViolation(a, null)).toBeNull();
    // A retired work goes nowhere, whatever its availability.
    for (const a of Object.values(ArtworkAvailability)) expect(availabilityViolation(a, new Date('2026-11-01'))?.code).toBe('ALREADY_RETIRED');
  });
});

describe('samePlace', () => {
  const target = placementTarget({ artworkId: ART, sharedSpaceId: SPACE }).target!;
  it('is the open stay in the same place (and the same space)', () => {
    expect(samePlace({ place: ArtworkPlace.SHARED_SPACE, spaceId: SPACE }, target)).toBe(true);
    expect(samePlace({ place: ArtworkPlace.SHARED_SPACE, spaceId: randomUUID() }, target)).toBe(false);
    expect(samePlace({ place: ArtworkPlace.GALLERY, spaceId: null }, target)).toBe(false);
    expect(samePlace(null, target)).toBe(false);
  });
});
