import { addDays, houseInstant, todayInHouse } from '@maison/house';
import { validateExhibition, type ExhibitionFields } from './exhibition.validation';

const TERRACE = 'ABCDEF01-2345-6789-ABCD-EF0123456789';
const day = (n: number) => addDays(todayInHouse(), n);
const base = (vernissage: Partial<NonNullable<ExhibitionFields['vernissage']>>): ExhibitionFields => ({
  slug: null,
  title: { fr: 'Marées' },
  description: null,
  startsOn: day(30),
  endsOn: day(60),
  coverImageUrl: null,
  artistIds: [],
  artworkIds: [],
  vernissage: { startsAt: houseInstant(day(30), '17:00'), endsAt: houseInstant(day(30), '20:00'), sharedSpaceId: TERRACE, ...vernissage },
});
const codes = (v: Partial<NonNullable<ExhibitionFields['vernissage']>>) => validateExhibition(base(v)).violations.map((x) => `${x.code}@${x.field!.join('.')}`);

describe('the terms of a vernissage in a shared space', () => {
  it('keeps the expected attendees (1 to 1000) and the cleaned reason of an override', () => {
    const { draft, violations } = validateExhibition(base({ expectedAttendees: 80, spaceRulesOverride: { reason: '  Foule attendue  ' } }));
    expect(violations).toEqual([]);
    expect(draft.vernissage).toMatchObject({ spaceId: TERRACE.toLowerCase(), expectedAttendees: 80, overrideReason: 'Foule attendue' });
    expect(validateExhibition(base({})).draft.vernissage).toMatchObject({ expectedAttendees: null, overrideReason: null });
  });

  it('refuses attendees out of 1 to 1000 or not whole, and a reason that is blank, too long or not printable', () => {
    expect(codes({ expectedAttendees: 0 })).toEqual(['INVALID_INPUT@input.vernissage.expectedAttendees']);
    expect(codes({ expectedAttendees: 1001 })).toEqual(['INVALID_INPUT@input.vernissage.expectedAttendees']);
    expect(codes({ expectedAttendees: 2.5 })).toEqual(['INVALID_INPUT@input.vernissage.expectedAttendees']);
    expect(codes({ expectedAttendees: 1000, spaceRulesOverride: { reason: 'é'.repeat(500) } })).toEqual([]);
    for (const reason of ['  ', 'é'.repeat(501), 'bip \u0007']) {
      expect(codes({ spaceRulesOverride: { reason } })).toEqual(['INVALID_INPUT@input.vernissage.spaceRulesOverride.reason']);
    }
  });

  it('keeps no override for a vernissage in the gallery (there is no space to hold)', () => {
    const { draft } = validateExhibition(base({ sharedSpaceId: null, spaceRulesOverride: { reason: 'Sans objet' } }));
    expect(draft.vernissage).toMatchObject({ spaceId: null, overrideReason: null });
  });
});
