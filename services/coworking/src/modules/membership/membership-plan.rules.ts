import { inputReason } from '@maison/errors';
import { cleanTexts, invalid, type RuleViolation, slugFault, type Texts } from '@maison/house';

type PlanKind = 'DAY_PASS' | 'TEN_DAY_CARD' | 'PART_TIME_MONTHLY' | 'FULL_TIME_MONTHLY';

/**
 * The bounds of a plan, as the API checks them. Migration 007 (007_plans_admin.sql) states the same bounds as CHECK
 * constraints; membership-plan.constraints.int.test.ts proves both refuse and accept the same values.
 */
export const PLAN_BOUNDS = {
  slugMax: 60,
  nameMax: 120,
  descriptionMax: 2000,
  priceCents: { min: 0, max: 1_000_000 },
  durationDays: { min: 1, max: 366 },
  daysIncluded: { min: 1, max: 100 },
  allowedWeekdays: { min: 1, max: 6 },
} as const;

/** The slug of the house's standard plan of a kind (the reference data's): DAY_PASS → day-pass. */
export const standardPlanSlug = (code: PlanKind): string => code.toLowerCase().replace(/_/g, '-');

/** The fields of a plan as they will be stored. */
export interface PlanFields {
  code: PlanKind;
  slug: string;
  name: Texts;
  description: Texts | null;
  priceCents: number;
  durationDays: number | null;
  daysIncluded: number | null;
  allowedWeekdays: number[] | null;
  onSale: boolean;
}

const between = (value: number, b: { min: number; max: number }) => Number.isInteger(value) && value >= b.min && value <= b.max;

/** 1 to 6 distinct ISO weekdays (1 = Monday ... 7 = Sunday): is_iso_weekdays() of migration 007. */
export function isIsoWeekdays(days: readonly number[]): boolean {
  return between(days.length, PLAN_BOUNDS.allowedWeekdays) && days.every((d) => between(d, { min: 1, max: 7 })) && new Set(days).size === days.length;
}

/**
 * Checks a plan about to be stored; returns it cleaned (texts trimmed, weekdays in order), with
 * every rule it breaks. The rules of each kind:
 *  - DAY_PASS lasts one day (durationDays null or 1);
 *  - TEN_DAY_CARD includes 1 to 100 days (daysIncluded required), and only a card includes days;
 *  - PART_TIME_MONTHLY lists 1 to 6 distinct ISO weekdays, and only a part-time plan lists days.
 *    `weekdaysRequired` is false only when an update leaves out the days of the standard part-time
 *    plan, which predates days (null: every day);
 *  - FULL_TIME_MONTHLY has no rule of its own.
 * Every kind: durationDays 1 to 366 when given (null: a day, a year, a calendar month), a price
 * before taxes of 0 to 1_000_000 cents.
 */
export function validatePlanFields(fields: PlanFields, options: { weekdaysRequired: boolean }): { fields: PlanFields; violations: RuleViolation[] } {
  const violations: RuleViolation[] = [];
  const slugViolation = slugFault(fields.slug, ['input', 'slug'], PLAN_BOUNDS.slugMax);
  if (slugViolation) violations.push(slugViolation);
  const name = cleanTexts(fields.name, ['input', 'name'], { max: PLAN_BOUNDS.nameMax });
  const description = fields.description
    ? cleanTexts(fields.description, ['input', 'description'], { max: PLAN_BOUNDS.descriptionMax, multiline: true })
    : null;
  violations.push(...name.violations, ...(description?.violations ?? []));
  if (!between(fields.priceCents, PLAN_BOUNDS.priceCents)) violations.push(invalid(['input', 'priceCents'], inputReason('BETWEEN', PLAN_BOUNDS.priceCents)));
  violations.push(...durationViolations(fields), ...daysIncludedViolations(fields), ...weekdayViolations(fields, options.weekdaysRequired));
  const allowedWeekdays = fields.allowedWeekdays && [...fields.allowedWeekdays].sort((a, b) => a - b);
  return { fields: { ...fields, name: name.texts, description: description?.texts ?? null, allowedWeekdays }, violations };
}

function durationViolations({ code, durationDays }: PlanFields): RuleViolation[] {
  if (durationDays === null) return [];
  if (code === 'DAY_PASS' && durationDays !== 1) return [invalid(['input', 'durationDays'], inputReason('ONE_OF', { values: '1' }))];
  return between(durationDays, PLAN_BOUNDS.durationDays) ? [] : [invalid(['input', 'durationDays'], inputReason('BETWEEN', PLAN_BOUNDS.durationDays))];
}

function daysIncludedViolations({ code, daysIncluded }: PlanFields): RuleViolation[] {
  const field = ['input', 'daysIncluded'];
  if (code !== 'TEN_DAY_CARD') return daysIncluded === null ? [] : [invalid(field, inputReason('NOT_WITH', { other: code }))];
  if (daysIncluded === null) return [invalid(field, inputReason('REQUIRED'))];
  return between(daysIncluded, PLAN_BOUNDS.daysIncluded) ? [] : [invalid(field, inputReason('BETWEEN', PLAN_BOUNDS.daysIncluded))];
}

function weekdayViolations({ code, allowedWeekdays }: PlanFields, required: boolean): RuleViolation[] {
  const field = ['input', 'allowedWeekdays'];
  if (code !== 'PART_TIME_MONTHLY') return allowedWeekdays === null ? [] : [invalid(field, inputReason('NOT_WITH', { other: code }))];
  if (allowedWeekdays === null) return required ? [invalid(field, inputReason('REQUIRED'))] : [];
  return isIsoWeekdays(allowedWeekdays) ? [] : [invalid(field, inputReason('ISO_WEEKDAYS', PLAN_BOUNDS.allowedWeekdays))];
}
