import { noHoldToMove, referenceReleased, samePlacement, stepFor } from './ledger-steps';
import { refusalOf } from './refusal';

const kitchen = { spaceId: 'k', startsAt: new Date('2027-01-05T23:00:00Z'), endsAt: new Date('2027-01-06T01:00:00Z'), title: '5 à 7' };
const later = { ...kitchen, startsAt: new Date('2027-01-06T00:00:00Z') };

describe('the ledger step of a write', () => {
  it('holds what was not held, releases what is no longer needed, moves what changed, and leaves the rest', () => {
    expect(stepFor(null, null)).toEqual({ kind: 'none' });
    expect(stepFor(null, kitchen)).toEqual({ kind: 'hold', to: kitchen });
    expect(stepFor({ reference: 'r', placement: kitchen }, null)).toEqual({ kind: 'release', reference: 'r' });
    expect(stepFor({ reference: 'r', placement: kitchen }, { ...kitchen, startsAt: new Date(kitchen.startsAt) })).toEqual({ kind: 'none' });
    expect(stepFor({ reference: 'r', placement: kitchen }, later)).toEqual({ kind: 'move', reference: 'r', from: kitchen, to: later });
    expect(stepFor({ reference: 'r', placement: kitchen }, { ...kitchen, title: 'Autre' })).toMatchObject({ kind: 'move' });
  });

  it('compares placements by space, instants and title', () => {
    expect(samePlacement(kitchen, { ...kitchen })).toBe(true);
    expect(samePlacement(kitchen, { ...kitchen, spaceId: 't' })).toBe(false);
    expect(samePlacement(kitchen, null)).toBe(false);
    expect(samePlacement(null, null)).toBe(true);
  });

  it('tells a missing hold from an unknown space, and a released reference from other refusals', () => {
    expect(noHoldToMove([{ code: 'NOT_FOUND', field: ['reference'] }])).toBe(true);
    expect(noHoldToMove([{ code: 'NOT_FOUND', field: ['spaceId'] }])).toBe(false);
    expect(noHoldToMove([])).toBe(false);
    expect(referenceReleased([{ code: 'ALREADY_CANCELLED', field: ['input', 'reference'] }])).toBe(true);
    expect(referenceReleased([{ code: 'SLOT_UNAVAILABLE', field: ['input', 'startsAt'] }])).toBe(false);
  });
});

describe('a refusal of the ledger, in the owner’s terms', () => {
  it('points at the owner’s fields under its path; other codes keep their name as the reason', () => {
    expect(
      refusalOf(
        [
          { code: 'SLOT_UNAVAILABLE', field: ['input', 'startsAt'] },
          { code: 'NOT_FOUND', field: ['spaceId'] },
          { code: 'INVALID_RANGE', field: ['input', 'endsAt'] },
          { code: 'TOO_LONG', field: ['input', 'endsAt'] },
          { code: 'SOMETHING_NEW', field: null },
        ],
        ['input', 'vernissage'],
      ),
    ).toEqual([
      { code: 'SLOT_UNAVAILABLE', field: ['input', 'vernissage', 'startsAt'] },
      { code: 'NOT_FOUND', field: ['input', 'vernissage', 'sharedSpaceId'] },
      { code: 'INVALID_RANGE', field: ['input', 'vernissage', 'endsAt'] },
      { code: 'TOO_LONG', field: ['input', 'vernissage'], params: { field: 'vernissage', reason: 'TOO_LONG' } },
      { code: 'INVALID_INPUT', field: ['input', 'vernissage'], params: { field: 'vernissage', reason: 'SOMETHING_NEW' } },
    ]);
    expect(refusalOf([{ code: 'SLOT_UNAVAILABLE', field: ['startsAt'] }], ['input'])).toEqual([{ code: 'SLOT_UNAVAILABLE', field: ['input', 'startsAt'] }]);
  });
});
