import { checkOfficeEnd, officeHasEnded, validateOffice, type OfficeFields } from './office.rules';

const valid: OfficeFields = { name: { fr: 'Bureau 203', en: 'Office 203' }, floor: 2, areaM2: 18.5, startsOn: '2026-12-01' };
const faults = (f: Partial<OfficeFields>) => validateOffice({ ...valid, ...f }).violations.map((v) => [v.field!.join('.'), v.params?.reason]);

describe('the rules of an office', () => {
  it('takes floors -1 (the basement) to 4', () => {
    for (const floor of [-1, 0, 4]) expect(faults({ floor })).toEqual([]);
    for (const floor of [-2, 5, 1.5]) expect([floor, faults({ floor })]).toEqual([floor, [['input.floor', 'BETWEEN']]]);
  });

  it('takes an area of 0.1 to 5000 m², stored to a tenth as numeric(6, 1) would', () => {
    expect(validateOffice({ ...valid, areaM2: 18.46 }).draft.areaM2).toBe(18.5);
    for (const areaM2 of [0.1, 0.05, 5000]) expect([areaM2, faults({ areaM2 })]).toEqual([areaM2, []]);
    for (const areaM2 of [0, -3, 0.04, 5000.06, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect([areaM2, faults({ areaM2 })]).toEqual([areaM2, [['input.areaM2', 'BETWEEN']]]);
    }
  });

  it('requires a French name of at most 100 characters', () => {
    expect(faults({ name: { fr: 'b'.repeat(100) } })).toEqual([]);
    expect(faults({ name: { fr: 'b'.repeat(101) } })).toEqual([['input.name.fr', 'MAX_CHARACTERS']]);
    expect(faults({ name: { fr: ' ' } })).toEqual([['input.name.fr', 'FRENCH_REQUIRED']]);
  });

  it('has ended once its endsOn has come, or when it was withdrawn on its first day', () => {
    const today = '2026-12-10';
    expect(officeHasEnded({ startsOn: '2026-01-01', endsOn: null }, today)).toBe(false);
    expect(officeHasEnded({ startsOn: '2026-01-01', endsOn: '2026-12-11' }, today)).toBe(false);
    expect(officeHasEnded({ startsOn: '2026-01-01', endsOn: '2026-12-10' }, today)).toBe(true);
    expect(officeHasEnded({ startsOn: '2026-01-01', endsOn: '2026-12-09' }, today)).toBe(true);
    expect(officeHasEnded({ startsOn: '2027-01-01', endsOn: null }, today)).toBe(false);
    expect(officeHasEnded({ startsOn: '2027-01-01', endsOn: '2027-01-01' }, today)).toBe(true);
  });

  it('ends an office once, not before it started', () => {
    const today = '2026-12-10';
    const office = { startsOn: '2026-12-01', endsOn: null };
    expect(checkOfficeEnd(office, '2026-12-01', today)).toBeNull();
    expect(checkOfficeEnd(office, '2027-06-30', today)).toBeNull();
    expect(checkOfficeEnd(office, '2026-11-30', today)).toEqual({ code: 'INVALID_RANGE', field: ['endsOn'] });
    expect(checkOfficeEnd({ ...office, endsOn: '2026-12-10' }, '2026-12-20', today)).toEqual({ code: 'ALREADY_ENDED', field: ['id'] });
    // An end set for later may still be brought forward.
    expect(checkOfficeEnd({ ...office, endsOn: '2026-12-31' }, '2026-12-15', today)).toBeNull();
  });
});
