import { sameTerms, samePlacement, stepFor } from './ledger-steps';
import { refusalOf } from './refusal';

const kitchen = { spaceId: 'k', startsAt: new Date('2027-06-05T22:00:00Z'), endsAt: new Date('2027-06-06T00:00:00Z'), title: 'Atelier', attendees: 12 };

describe('the terms of a hold: attendees and override', () => {
  it('moves a hold whose attendees or override change, even in the same place (the ledger checks and records them)', () => {
    const before = { reference: 'r', placement: kitchen };
    expect(stepFor(before, { ...kitchen })).toEqual({ kind: 'none' });
    expect(stepFor(before, { ...kitchen, attendees: 40 })).toEqual({ kind: 'move', reference: 'r', from: kitchen, to: { ...kitchen, attendees: 40 } });
    expect(stepFor(before, { ...kitchen, overrideReason: 'Debout' })).toMatchObject({ kind: 'move' });
    // No attendees and none stated are the same terms.
    const bare = { spaceId: 'k', startsAt: kitchen.startsAt, endsAt: kitchen.endsAt, title: 'Atelier' };
    expect(sameTerms(bare, { ...bare, attendees: null, overrideReason: null })).toBe(true);
  });

  it('compares holds with the ledger by place, instants and title only: a live hold is never re-checked for its terms', () => {
    expect(samePlacement(kitchen, { ...kitchen, attendees: 100, overrideReason: 'x' })).toBe(true);
  });
});

describe('the refusals of the space rules, on the owner’s fields', () => {
  const errors = [
    { code: 'OVER_CAPACITY', field: ['input', 'attendees'] },
    { code: 'OUTSIDE_OPENING_HOURS', field: ['input', 'startsAt'] },
    { code: 'OUT_OF_SEASON', field: ['startsAt'] },
  ];
  it('puts OVER_CAPACITY on the owner’s attendees field with the space’s capacity, the hours and the season on startsAt', () => {
    expect(refusalOf(errors, ['input'], { attendeesField: 'capacity', spaceCapacity: 12 })).toEqual([
      { code: 'OVER_CAPACITY', field: ['input', 'capacity'], params: { capacity: 12 } },
      { code: 'OUTSIDE_OPENING_HOURS', field: ['input', 'startsAt'] },
      { code: 'OUT_OF_SEASON', field: ['input', 'startsAt'] },
    ]);
    expect(refusalOf(errors.slice(0, 1), ['input', 'vernissage'], { attendeesField: 'expectedAttendees', spaceCapacity: 30 })).toEqual([
      { code: 'OVER_CAPACITY', field: ['input', 'vernissage', 'expectedAttendees'], params: { capacity: 30 } },
    ]);
  });
});
