import { formatMessage, UserErrorCode } from '@maison/errors';
import type { RuleViolation } from '@maison/house';
import { DEFAULT_RULES } from './space-rules.bounds';
import { applyRulesInput, checkOpeningHours, type RuleColumns } from './space-rules.validation';
import type { SpaceRulesInput } from './space.input';
import { validateSpaceFields } from './space.validation';

const kitchen: RuleColumns = {
  ...DEFAULT_RULES,
  capacity: 12,
  openingHoursRows: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '07:00', closes: '22:00' })),
  seasonStarts: null,
  seasonEnds: null,
  bufferMinutes: 30,
  weeklyQuotaMinutes: 600,
};
const paths = (violations: RuleViolation[]) => violations.map((v) => `${v.code}@${v.field!.join('.')}`);
const refused = (input: SpaceRulesInput, current = kitchen) => paths(applyRulesInput(current, input, ['rules']).violations);
const hours = (opens: string, closes: string, weekday = 1) => ({ openingHours: [{ weekday, opens, closes }] });

describe('space rules validation, both sides of every bound', () => {
  it('leaves out what is not given, and applies what is', () => {
    const { rules, violations } = applyRulesInput(kitchen, { weeklyQuotaMinutes: 120 }, ['rules']);
    expect(violations).toEqual([]);
    expect(rules).toEqual({ ...kitchen, weeklyQuotaMinutes: 120 });
    expect(applyRulesInput(kitchen, {}, ['rules']).rules).toEqual(kitchen);
  });

  it('opening hours: weekday 1..7, HH:MM, an opening before its closing, 24:00 only as a closing', () => {
    expect(refused(hours('07:00', '22:00', 0))).toEqual(['INVALID_INPUT@rules.openingHours.0.weekday']);
    expect(refused(hours('07:00', '22:00', 8))).toEqual(['INVALID_INPUT@rules.openingHours.0.weekday']);
    expect(refused(hours('07:00', '22:00', 7))).toEqual([]);
    expect(refused(hours('7:00', '22:00'))).toEqual(['INVALID_INPUT@rules.openingHours.0.opens']);
    expect(refused(hours('07:60', '22:00'))).toEqual(['INVALID_INPUT@rules.openingHours.0.opens']);
    expect(refused(hours('24:00', '24:00'))).toEqual(['INVALID_INPUT@rules.openingHours.0.opens']);
    expect(refused(hours('00:00', '24:00'))).toEqual([]);
    expect(refused(hours('00:00', '24:01'))).toEqual(['INVALID_INPUT@rules.openingHours.0.closes']);
    expect(refused(hours('10:00', '10:00'))).toEqual(['INVALID_INPUT@rules.openingHours.0.opens']);
    expect(refused(hours('10:00', '09:59'))).toEqual(['INVALID_INPUT@rules.openingHours.0.opens']);
    expect(refused(hours('10:00', '10:01'))).toEqual([]);
  });

  it('opening hours: two ranges of one weekday may touch, never overlap; 14 ranges at most', () => {
    const two = (a: [string, string], b: [string, string]) => [
      { weekday: 2, opens: a[0], closes: a[1] },
      { weekday: 2, opens: b[0], closes: b[1] },
    ];
    expect(checkOpeningHours(two(['08:00', '12:00'], ['12:00', '18:00']), ['rules']).violations).toEqual([]);
    expect(paths(checkOpeningHours(two(['08:00', '12:00'], ['11:59', '18:00']), ['rules']).violations)).toEqual(['INVALID_INPUT@rules.openingHours.1']);
    const many = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ weekday: (i % 7) + 1, opens: i < 7 ? '08:00' : '13:00', closes: i < 7 ? '12:00' : '18:00' }));
    expect(checkOpeningHours(many(14), ['rules']).violations).toEqual([]);
    expect(paths(checkOpeningHours(many(15), ['rules']).violations)).toContain('INVALID_INPUT@rules.openingHours');
    expect(
      checkOpeningHours(
        [
          { weekday: 3, opens: '13:00', closes: '18:00' },
          { weekday: 1, opens: '08:00', closes: '12:00' },
        ],
        ['rules'],
      ).rows[0]!.weekday,
    ).toBe(1);
  });

  it('season: real MM-DD days, wrapping the new year allowed, not with allYear: true', () => {
    expect(refused({ season: { starts: '02-30', ends: '10-31' } })).toEqual(['INVALID_INPUT@rules.season.starts']);
    expect(refused({ season: { starts: '05-01', ends: '13-01' } })).toEqual(['INVALID_INPUT@rules.season.ends']);
    expect(refused({ season: { starts: '04-31', ends: '00-10' } })).toEqual(['INVALID_INPUT@rules.season.starts', 'INVALID_INPUT@rules.season.ends']);
    expect(refused({ season: { starts: '5-1', ends: '10-31' } })).toEqual(['INVALID_INPUT@rules.season.starts']);
    expect(refused({ season: { starts: '02-29', ends: '12-31' } })).toEqual([]);
    const wrap = applyRulesInput(kitchen, { season: { starts: '11-15', ends: '03-31' } }, ['rules']);
    expect(wrap.violations).toEqual([]);
    expect(wrap.rules).toMatchObject({ seasonStarts: '11-15', seasonEnds: '03-31' });
    expect(refused({ season: { starts: '05-01', ends: '10-31' }, allYear: true })).toEqual(['INVALID_INPUT@rules.season']);
    const seasonal = { ...kitchen, seasonStarts: '05-01', seasonEnds: '10-31' };
    expect(applyRulesInput(seasonal, { allYear: true }, ['rules']).rules).toMatchObject({ seasonStarts: null, seasonEnds: null });
    expect(applyRulesInput(seasonal, { allYear: false }, ['rules']).rules).toMatchObject({ seasonStarts: '05-01', seasonEnds: '10-31' });
  });

  it.each([
    ['bufferMinutes', 0, 240],
    ['horizonDays', 1, 730],
    ['minNoticeMinutes', 0, 10080],
    ['cancellationCutoffMinutes', 0, 10080],
  ] as const)('%s between %i and %i', (name, min, max) => {
    expect(refused({ [name]: min - 1 })).toEqual([`INVALID_INPUT@rules.${name}`]);
    expect(refused({ [name]: min })).toEqual([]);
    expect(refused({ [name]: max })).toEqual([]);
    expect(refused({ [name]: max + 1 })).toEqual([`INVALID_INPUT@rules.${name}`]);
  });

  it('durations: 1 ≤ min ≤ max ≤ 1440, reported on the field the input changed', () => {
    const open = { ...kitchen, weeklyQuotaMinutes: null };
    expect(refused({ minDurationMinutes: 0 }, open)).toEqual(['INVALID_INPUT@rules.minDurationMinutes']);
    expect(refused({ minDurationMinutes: 1 }, open)).toEqual([]);
    expect(refused({ maxDurationMinutes: 1440 }, open)).toEqual([]);
    expect(refused({ maxDurationMinutes: 1441 }, open)).toEqual(['INVALID_INPUT@rules.maxDurationMinutes']);
    expect(refused({ minDurationMinutes: 240 }, open)).toEqual([]);
    expect(refused({ minDurationMinutes: 241 }, open)).toEqual(['INVALID_INPUT@rules.minDurationMinutes']);
    expect(refused({ maxDurationMinutes: 29 }, open)).toEqual(['INVALID_INPUT@rules.maxDurationMinutes']);
    expect(refused({ minDurationMinutes: 60, maxDurationMinutes: 59 }, open)).toEqual(['INVALID_INPUT@rules.maxDurationMinutes']);
    expect(refused({ minDurationMinutes: 60, maxDurationMinutes: 60 }, open)).toEqual([]);
  });

  it('weekly quota: from the minimum duration to a week, or none; not with noWeeklyQuota: true', () => {
    expect(refused({ weeklyQuotaMinutes: 29 })).toEqual(['INVALID_INPUT@rules.weeklyQuotaMinutes']);
    expect(refused({ weeklyQuotaMinutes: 30 })).toEqual([]);
    expect(refused({ weeklyQuotaMinutes: 10080 })).toEqual([]);
    expect(refused({ weeklyQuotaMinutes: 10081 })).toEqual(['INVALID_INPUT@rules.weeklyQuotaMinutes']);
    expect(refused({ weeklyQuotaMinutes: 0 })).toEqual(['INVALID_INPUT@rules.weeklyQuotaMinutes']);
    expect(refused({ weeklyQuotaMinutes: 120, minDurationMinutes: 121 })).toEqual(['INVALID_INPUT@rules.weeklyQuotaMinutes']);
    expect(refused({ minDurationMinutes: 601 }, { ...kitchen, maxDurationMinutes: 1440 })).toEqual(['INVALID_INPUT@rules.minDurationMinutes']);
    expect(refused({ weeklyQuotaMinutes: 600, noWeeklyQuota: true })).toEqual(['INVALID_INPUT@rules.weeklyQuotaMinutes']);
    expect(applyRulesInput(kitchen, { noWeeklyQuota: true }, ['rules']).rules.weeklyQuotaMinutes).toBeNull();
    expect(applyRulesInput(kitchen, { noWeeklyQuota: false }, ['rules']).rules.weeklyQuotaMinutes).toBe(600);
  });

  it('eligible roles among TENANT, MEMBER, ARTIST; slot steps among 5, 10, 15, 20, 30, 60', () => {
    expect(refused({ eligibleRoles: ['TENANT', 'ADMIN'] })).toEqual(['INVALID_INPUT@rules.eligibleRoles.1']);
    expect(refused({ eligibleRoles: ['tenant'] })).toEqual(['INVALID_INPUT@rules.eligibleRoles.0']);
    expect(applyRulesInput(kitchen, { eligibleRoles: ['ARTIST', 'TENANT', 'TENANT'] }, ['rules']).rules.eligibleRoles).toEqual(['TENANT', 'ARTIST']);
    expect(refused({ eligibleRoles: [] })).toEqual([]);
    for (const step of [5, 10, 15, 20, 30, 60]) expect(refused({ slotStepMinutes: step })).toEqual([]);
    for (const step of [0, 4, 25, 45, 90]) expect(refused({ slotStepMinutes: step })).toEqual(['INVALID_INPUT@rules.slotStepMinutes']);
  });

  it('says what is wrong in French by default and in English', () => {
    const [violation] = applyRulesInput(kitchen, { bufferMinutes: 241 }, ['rules']).violations;
    expect(formatMessage(UserErrorCode.INVALID_INPUT, 'fr', violation!.params)).toBe('La valeur de « rules.bufferMinutes » est invalide : 0 – 240.');
    expect(formatMessage(UserErrorCode.INVALID_INPUT, 'en', violation!.params)).toBe('The value of "rules.bufferMinutes" is invalid: 0 – 240.');
    const [season] = applyRulesInput(kitchen, { season: { starts: '02-30', ends: '03-01' } }, ['rules']).violations;
    expect(formatMessage(UserErrorCode.INVALID_INPUT, 'en', season!.params)).toContain('a real day MM-DD');
  });
});

describe('space fields validation', () => {
  it('slug: a-z, 0-9 and hyphens, 60 at most', () => {
    const slugPaths = (slug: string) => paths(validateSpaceFields({ slug }, ['input']).violations);
    expect(slugPaths('atelier-bois')).toEqual([]);
    expect(slugPaths('a'.repeat(60))).toEqual([]);
    expect(slugPaths('a'.repeat(61))).toEqual(['INVALID_INPUT@input.slug']);
    for (const bad of ['Atelier', 'atelier bois', '-atelier', 'atelier-', 'a--b', '', 'café']) expect(slugPaths(bad)).toEqual(['INVALID_INPUT@input.slug']);
  });

  it('capacity between 1 and 500; texts with French, amenities 30 at most', () => {
    const capacity = (n: number) => paths(validateSpaceFields({ capacity: n }, ['input']).violations);
    expect(capacity(0)).toEqual(['INVALID_INPUT@input.capacity']);
    expect(capacity(1)).toEqual([]);
    expect(capacity(500)).toEqual([]);
    expect(capacity(501)).toEqual(['INVALID_INPUT@input.capacity']);
    expect(paths(validateSpaceFields({ name: { fr: '  ', en: 'Workshop' } }, ['input']).violations)).toEqual(['INVALID_INPUT@input.name.fr']);
    const amenities = (n: number) => paths(validateSpaceFields({ amenities: Array.from({ length: n }, () => ({ fr: 'Four' })) }, ['input']).violations);
    expect(amenities(30)).toEqual([]);
    expect(amenities(31)).toEqual(['INVALID_INPUT@input.amenities']);
    expect(paths(validateSpaceFields({ amenities: [{ fr: 'Four' }, { fr: 'x'.repeat(101) }] }, ['input']).violations)).toEqual([
      'INVALID_INPUT@input.amenities.1.fr',
    ]);
  });
});
