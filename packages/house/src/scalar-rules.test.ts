import { DateTime as Luxon } from 'luxon';
import { DATE_TIME_RULE, LOCAL_DATE_RULE } from './scalar-rules';

describe('LOCAL_DATE_RULE', () => {
  it('takes the years 0001 to 9999', () => {
    for (const good of ['0001-01-01', '2026-11-26', '9999-12-31']) expect(LOCAL_DATE_RULE.parse(good)).toEqual({ value: good });
  });

  it('refuses year 0, which PostgreSQL cannot store, in both languages', () => {
    expect(LOCAL_DATE_RULE.parse('0000-01-01')).toEqual({
      problem: {
        fr: '"0000-01-01" est hors des années 0001 à 9999 que la maison enregistre',
        en: '"0000-01-01" is outside the years 0001 to 9999 the house records',
      },
    });
  });

  it('refuses years of more than four digits and what is not a date', () => {
    for (const bad of ['10000-01-01', '+2026-01-01', '-0001-01-01', '2026-02-30']) {
      expect(LOCAL_DATE_RULE.parse(bad)).toEqual({ problem: expect.objectContaining({ en: expect.stringContaining('is not a calendar date') }) });
    }
  });
});

describe('DATE_TIME_RULE', () => {
  it('takes the years 1900 to 9999 and refuses year 0', () => {
    expect(DATE_TIME_RULE.parse('1900-01-01T00:00:00Z')).toEqual({ value: new Date('1900-01-01T00:00:00Z') });
    expect(DATE_TIME_RULE.parse('9999-12-31T23:59:59Z')).toEqual({ value: new Date('9999-12-31T23:59:59Z') });
    for (const bad of ['0000-01-01T00:00:00Z', '1899-12-31T23:59:59Z']) {
      expect(DATE_TIME_RULE.parse(bad)).toEqual({ problem: expect.objectContaining({ en: expect.stringContaining('is not a valid date and time') }) });
    }
  });
});

describe('DATE_TIME_RULE without luxon', () => {
  afterEach(() => jest.restoreAllMocks());

  it('reads the common shape of an instant without luxon, and leaves only the other forms to it', () => {
    const fromISO = jest.spyOn(Luxon, 'fromISO');
    expect(DATE_TIME_RULE.parse('2026-11-26T10:00:00-05:00')).toEqual({ value: new Date('2026-11-26T15:00:00Z') });
    expect(DATE_TIME_RULE.parse('2026-11-26T15:00:00.250Z')).toEqual({ value: new Date('2026-11-26T15:00:00.250Z') });
    expect(fromISO).not.toHaveBeenCalled();
    expect(DATE_TIME_RULE.parse('2026-11-26T24:00:00Z')).toEqual({ value: new Date('2026-11-27T00:00:00Z') });
    expect(fromISO).toHaveBeenCalledTimes(1);
  });
});
