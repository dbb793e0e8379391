import { CoworkingEventKind } from './coworking-event.entity';
import { validateEventFields, type EventFields } from './event.validation';

const now = new Date('2026-06-01T12:00:00Z');
const base: EventFields = {
  kind: CoworkingEventKind.TALK,
  title: { fr: 'Conférence', en: 'Talk' },
  description: null,
  startsAt: new Date('2026-06-10T22:00:00Z'),
  endsAt: new Date('2026-06-10T23:30:00Z'),
  capacity: 30,
  membersOnly: false,
  spaceId: null,
  room: { fr: 'Grande salle' },
  overrideReason: null,
};
const codes = (fields: Partial<EventFields>, timesChanged = true) =>
  validateEventFields({ ...base, ...fields }, now, timesChanged).violations.map((v) => `${v.code}@${v.field!.join('.')}`);

describe('event validation', () => {
  it('accepts a valid event and cleans its texts: NFC, trimmed, a blank English dropped, the space id lowercased', () => {
    const { fields, violations } = validateEventFields(
      { ...base, title: { fr: '  Cafe\u0301 - causerie ', en: '   ' }, room: null, spaceId: 'ABCDEF01-2345-6789-ABCD-EF0123456789' },
      now,
      true,
    );
    expect(violations).toEqual([]);
    expect(fields).toEqual({ ...base, title: { fr: 'Café - causerie' }, room: null, spaceId: 'abcdef01-2345-6789-abcd-ef0123456789' });
  });

  it('lets a description span lines but not carry other control characters', () => {
    expect(codes({ description: { fr: 'Ligne un\nLigne deux\tfin' } })).toEqual([]);
    expect(codes({ description: { fr: 'Cloche \u0007' } })).toEqual(['INVALID_INPUT@input.description.fr']);
    expect(codes({ description: { fr: 'é'.repeat(2001) } })).toEqual(['INVALID_INPUT@input.description.fr']);
  });

  it('checks the past only when the times change', () => {
    const begun = { startsAt: new Date('2026-06-01T11:00:00Z'), endsAt: new Date('2026-06-01T13:00:00Z') };
    expect(codes(begun, true)).toEqual(['IN_THE_PAST@input.startsAt']);
    expect(codes(begun, false)).toEqual([]);
  });

  it('reports every rule broken at once', () => {
    expect(codes({ title: { fr: '' }, capacity: 0, endsAt: base.startsAt, room: null })).toEqual([
      'INVALID_INPUT@input.title.fr',
      'INVALID_INPUT@input.sharedSpaceId',
      'INVALID_INPUT@input.capacity',
      'INVALID_RANGE@input.endsAt',
    ]);
  });

  it('refuses a capacity that is not a whole number', () => {
    expect(codes({ capacity: 2.5 })).toEqual(['INVALID_INPUT@input.capacity']);
  });

  it('checks the reason of a space-rules override with the house text rules, and keeps it only in a shared space', () => {
    const kitchen = { room: null, spaceId: 'abcdef01-2345-6789-abcd-ef0123456789' };
    const kept = (overrideReason: string) => validateEventFields({ ...base, ...kitchen, overrideReason }, now, true);
    expect(kept('  Atelier debout, salon ouvert  ').fields.overrideReason).toBe('Atelier debout, salon ouvert');
    expect(kept('  Atelier debout  ').violations).toEqual([]);
    expect(kept('é'.repeat(500)).violations).toEqual([]);
    expect(codes({ ...kitchen, overrideReason: 'é'.repeat(501) })).toEqual(['INVALID_INPUT@input.spaceRulesOverride.reason']);
    expect(codes({ ...kitchen, overrideReason: '   ' })).toEqual(['INVALID_INPUT@input.spaceRulesOverride.reason']);
    expect(codes({ ...kitchen, overrideReason: 'bip \u0007' })).toEqual(['INVALID_INPUT@input.spaceRulesOverride.reason']);
    expect(validateEventFields({ ...base, overrideReason: 'Salle de réunion' }, now, true).fields.overrideReason).toBeNull();
  });
});
