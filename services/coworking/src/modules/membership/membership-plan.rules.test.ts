import { isIsoWeekdays, standardPlanSlug, validatePlanFields, type PlanFields } from './membership-plan.rules';
import { endsOnFor } from './membership.dates';

const base: PlanFields = {
  code: 'FULL_TIME_MONTHLY',
  slug: 'temps-plein',
  name: { fr: 'Temps plein', en: 'Full time' },
  description: null,
  priceCents: 27500,
  durationDays: null,
  daysIncluded: null,
  allowedWeekdays: null,
  onSale: true,
};
/** The fields and reasons a plan breaks, e.g. ['allowedWeekdays:REQUIRED']. */
const faults = (fields: Partial<PlanFields>, weekdaysRequired = true) =>
  validatePlanFields({ ...base, ...fields }, { weekdaysRequired }).violations.map(
    (v) => `${v.field!.slice(1).join('.')}:${String(v.params?.reason ?? v.code)}`,
  );

describe('the rules of a plan', () => {
  it('accepts a plan of each kind that keeps its rules', () => {
    expect(faults({})).toEqual([]);
    expect(faults({ code: 'DAY_PASS', durationDays: 1 })).toEqual([]);
    expect(faults({ code: 'DAY_PASS', durationDays: null })).toEqual([]);
    expect(faults({ code: 'TEN_DAY_CARD', daysIncluded: 10, durationDays: 366 })).toEqual([]);
    expect(faults({ code: 'PART_TIME_MONTHLY', allowedWeekdays: [1, 3, 5] })).toEqual([]);
    expect(faults({ code: 'FULL_TIME_MONTHLY', durationDays: 30, priceCents: 0 })).toEqual([]);
  });

  it('lets a day pass last one day only', () => {
    expect(faults({ code: 'DAY_PASS', durationDays: 2 })).toEqual(['durationDays:ONE_OF']);
    expect(faults({ code: 'DAY_PASS', allowedWeekdays: [1] })).toEqual(['allowedWeekdays:NOT_WITH']);
  });

  it('needs 1 to 100 included days for a 10-day card, and days for no other kind', () => {
    expect(faults({ code: 'TEN_DAY_CARD' })).toEqual(['daysIncluded:REQUIRED']);
    expect(faults({ code: 'TEN_DAY_CARD', daysIncluded: 0 })).toEqual(['daysIncluded:BETWEEN']);
    expect(faults({ code: 'TEN_DAY_CARD', daysIncluded: 101 })).toEqual(['daysIncluded:BETWEEN']);
    expect(faults({ code: 'TEN_DAY_CARD', daysIncluded: 100 })).toEqual([]);
    expect(faults({ code: 'FULL_TIME_MONTHLY', daysIncluded: 10 })).toEqual(['daysIncluded:NOT_WITH']);
  });

  it('needs 1 to 6 distinct ISO weekdays for a part-time plan, and weekdays for no other kind', () => {
    expect(faults({ code: 'PART_TIME_MONTHLY' })).toEqual(['allowedWeekdays:REQUIRED']);
    expect(faults({ code: 'PART_TIME_MONTHLY' }, false)).toEqual([]);
    for (const days of [[], [0], [8], [1, 1], [1, 2, 3, 4, 5, 6, 7], [-1, 2]]) {
      expect(faults({ code: 'PART_TIME_MONTHLY', allowedWeekdays: days })).toEqual(['allowedWeekdays:ISO_WEEKDAYS']);
    }
    expect(faults({ code: 'PART_TIME_MONTHLY', allowedWeekdays: [7, 1, 2, 3, 4, 5] })).toEqual([]);
    expect(faults({ code: 'FULL_TIME_MONTHLY', allowedWeekdays: [1, 2] })).toEqual(['allowedWeekdays:NOT_WITH']);
    expect(faults({ code: 'TEN_DAY_CARD', daysIncluded: 10, allowedWeekdays: [1] })).toEqual(['allowedWeekdays:NOT_WITH']);
  });

  it('keeps the weekdays in order', () => {
    expect(validatePlanFields({ ...base, code: 'PART_TIME_MONTHLY', allowedWeekdays: [5, 1, 3] }, { weekdaysRequired: true }).fields.allowedWeekdays).toEqual([
      1, 3, 5,
    ]);
  });

  it('bounds the price before taxes, the duration, the slug and the texts', () => {
    expect(faults({ priceCents: -1 })).toEqual(['priceCents:BETWEEN']);
    expect(faults({ priceCents: 1_000_001 })).toEqual(['priceCents:BETWEEN']);
    expect(faults({ priceCents: 1_000_000 })).toEqual([]);
    expect(faults({ durationDays: 0 })).toEqual(['durationDays:BETWEEN']);
    expect(faults({ durationDays: 367 })).toEqual(['durationDays:BETWEEN']);
    expect(faults({ durationDays: 366 })).toEqual([]);
    for (const slug of ['', 'Temps', 'temps plein', '-temps', 'temps-', 'a--b', 'é', 'a'.repeat(61)]) expect(faults({ slug })).toEqual(['slug:SLUG_FORMAT']);
    expect(faults({ slug: 'a'.repeat(60) })).toEqual([]);
    expect(faults({ name: { fr: ' ' } })).toEqual(['name.fr:FRENCH_REQUIRED']);
    expect(faults({ name: { fr: 'é'.repeat(121) } })).toEqual(['name.fr:MAX_CHARACTERS']);
    expect(faults({ name: { fr: 'é'.repeat(120), en: 'e'.repeat(121) } })).toEqual(['name.en:MAX_CHARACTERS']);
    expect(faults({ description: { fr: 'x'.repeat(2001) } })).toEqual(['description.fr:MAX_CHARACTERS']);
  });

  it('reports every rule broken at once', () => {
    expect(faults({ code: 'TEN_DAY_CARD', slug: 'X', priceCents: -5, allowedWeekdays: [1] })).toEqual([
      'slug:SLUG_FORMAT',
      'priceCents:BETWEEN',
      'daysIncluded:REQUIRED',
      'allowedWeekdays:NOT_WITH',
    ]);
  });

  it('names the standard plan of each kind by its code, and weekdays as ISO numbers', () => {
    expect(standardPlanSlug('PART_TIME_MONTHLY')).toBe('part-time-monthly');
    expect(standardPlanSlug('DAY_PASS')).toBe('day-pass');
    expect(isIsoWeekdays([1, 7])).toBe(true);
    expect(isIsoWeekdays([1.5])).toBe(false);
  });
});

describe('the last day of a membership', () => {
  it('counts durationDays from the first day, included, or the default of the kind', () => {
    expect(endsOnFor('PART_TIME_MONTHLY', '2026-01-31', null)).toBe('2026-02-27');
    expect(endsOnFor('PART_TIME_MONTHLY', '2026-01-31', 30)).toBe('2026-03-01');
    expect(endsOnFor('DAY_PASS', '2026-06-10', 1)).toBe('2026-06-10');
    expect(endsOnFor('TEN_DAY_CARD', '2026-06-10', 366)).toBe('2027-06-10');
  });
});
