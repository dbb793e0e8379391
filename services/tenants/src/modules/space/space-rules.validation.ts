import { inputReason } from '@maison/errors';
import { invalid, type RuleViolation } from '@maison/house';
import type { OpeningHoursRow } from '../house/opening-hours';
import { CLOSES, ELIGIBLE_ROLES, MAX_OPENING_RANGES, MONTH_DAY, OPENS, RULE_BOUNDS, SLOT_STEPS, type BoundedRule } from './space-rules.bounds';
import type { OpeningHoursInput, SpaceRulesInput } from './space.input';

/** The columns of shared_space that are rules of its bookings (capacity included). */
export interface RuleColumns {
  capacity: number;
  openingHoursRows: OpeningHoursRow[];
  seasonStarts: string | null;
  seasonEnds: string | null;
  bufferMinutes: number;
  minDurationMinutes: number;
  maxDurationMinutes: number;
  horizonDays: number;
  minNoticeMinutes: number;
  weeklyQuotaMinutes: number | null;
  cancellationCutoffMinutes: number;
  eligibleRoles: string[];
  slotStepMinutes: number;
}

const given = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined;

/** An integer rule inside its bounds (RULE_BOUNDS, the same as the database's CHECK constraints). */
export function checkBounded(name: BoundedRule, value: number, path: string[]): RuleViolation | null {
  const { min, max } = RULE_BOUNDS[name];
  return Number.isInteger(value) && value >= min && value <= max ? null : invalid([...path, name], inputReason('BETWEEN', { min, max }));
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

/** Opening ranges: ISO weekdays, HH:MM times, each opening before its closing, no two ranges of one weekday overlapping. */
export function checkOpeningHours(rows: readonly OpeningHoursInput[], path: string[]): { rows: OpeningHoursRow[]; violations: RuleViolation[] } {
  const violations: RuleViolation[] = [];
  const at = [...path, 'openingHours'];
  if (rows.length > MAX_OPENING_RANGES) violations.push(invalid(at, inputReason('AT_MOST_ITEMS', { max: MAX_OPENING_RANGES })));
  rows.forEach((row, i) => {
    const here = [...at, String(i)];
    if (!Number.isInteger(row.weekday) || row.weekday < 1 || row.weekday > 7)
      violations.push(invalid([...here, 'weekday'], inputReason('BETWEEN', { min: 1, max: 7 })));
    const opens = OPENS.test(row.opens);
    const closes = CLOSES.test(row.closes);
    if (!opens) violations.push(invalid([...here, 'opens'], inputReason('HH_MM')));
    if (!closes) violations.push(invalid([...here, 'closes'], inputReason('HH_MM')));
    if (opens && closes && row.opens >= row.closes) violations.push(invalid([...here, 'opens'], inputReason('BEFORE_OTHER', { other: 'closes' })));
  });
  if (violations.length === 0) {
    for (let i = 0; i < rows.length; i += 1) {
      const overlaps = rows.some(
        (other, j) =>
          j < i &&
          other.weekday === rows[i]!.weekday &&
          minutesOf(other.opens) < minutesOf(rows[i]!.closes) &&
          minutesOf(rows[i]!.opens) < minutesOf(other.closes),
      );
      if (overlaps) violations.push(invalid([...at, String(i)], inputReason('OPENING_RANGES_OVERLAP')));
    }
  }
  const sorted = rows
    .map((r) => ({ weekday: r.weekday, opens: r.opens, closes: r.closes }))
    .sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens));
  return { rows: sorted, violations };
}

/**
 * The rules a space will have once `input` is applied to `current`, and every value of the input
 * that breaks a rule, at its path under `path` (['rules'] or ['input', 'rules']). Pure: the
 * database states the same bounds (space-rules.bounds.ts).
 */
export function applyRulesInput(current: RuleColumns, input: SpaceRulesInput, path: string[]): { rules: RuleColumns; violations: RuleViolation[] } {
  const violations: RuleViolation[] = [];
  const rules: RuleColumns = { ...current };
  const push = (v: RuleViolation | null) => v && violations.push(v);

  if (given(input.openingHours)) {
    const hours = checkOpeningHours(input.openingHours, path);
    violations.push(...hours.violations);
    rules.openingHoursRows = hours.rows;
  }
  if (given(input.season) && input.allYear === true) push(invalid([...path, 'season'], inputReason('NOT_WITH', { other: 'allYear: true' })));
  else if (input.allYear === true) Object.assign(rules, { seasonStarts: null, seasonEnds: null });
  else if (given(input.season)) {
    const { starts, ends } = input.season;
    if (!MONTH_DAY.test(starts)) push(invalid([...path, 'season', 'starts'], inputReason('MONTH_DAY')));
    if (!MONTH_DAY.test(ends)) push(invalid([...path, 'season', 'ends'], inputReason('MONTH_DAY')));
    // starts after ends is a season that wraps the new year, as inSeason() of the ledger reads it.
    Object.assign(rules, { seasonStarts: starts, seasonEnds: ends });
  }
  for (const name of ['bufferMinutes', 'minDurationMinutes', 'maxDurationMinutes', 'horizonDays', 'minNoticeMinutes', 'cancellationCutoffMinutes'] as const) {
    const value = input[name];
    if (!given(value)) continue;
    push(checkBounded(name, value, path));
    rules[name] = value;
  }
  if (given(input.weeklyQuotaMinutes) && input.noWeeklyQuota === true)
    push(invalid([...path, 'weeklyQuotaMinutes'], inputReason('NOT_WITH', { other: 'noWeeklyQuota: true' })));
  else if (input.noWeeklyQuota === true) rules.weeklyQuotaMinutes = null;
  else if (given(input.weeklyQuotaMinutes)) {
    push(checkBounded('weeklyQuotaMinutes', input.weeklyQuotaMinutes, path));
    rules.weeklyQuotaMinutes = input.weeklyQuotaMinutes;
  }
  if (given(input.eligibleRoles)) {
    input.eligibleRoles.forEach((role, i) => {
      if (!(ELIGIBLE_ROLES as readonly string[]).includes(role))
        push(invalid([...path, 'eligibleRoles', String(i)], inputReason('ONE_OF', { values: ELIGIBLE_ROLES.join(', ') })));
    });
    rules.eligibleRoles = ELIGIBLE_ROLES.filter((r) => input.eligibleRoles!.includes(r));
  }
  if (given(input.slotStepMinutes)) {
    if (!(SLOT_STEPS as readonly number[]).includes(input.slotStepMinutes))
      push(invalid([...path, 'slotStepMinutes'], inputReason('ONE_OF', { values: SLOT_STEPS.join(', ') })));
    rules.slotStepMinutes = input.slotStepMinutes;
  }
  if (violations.length === 0) violations.push(...crossFieldViolations(rules, input, path));
  return { rules, violations };
}

/** Rules that tie two fields: min ≤ max duration, quota ≥ min duration. Reported on the field the input changed. */
function crossFieldViolations(rules: RuleColumns, input: SpaceRulesInput, path: string[]): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (rules.minDurationMinutes > rules.maxDurationMinutes) {
    violations.push(
      given(input.maxDurationMinutes)
        ? invalid([...path, 'maxDurationMinutes'], inputReason('AT_LEAST_OTHER', { other: 'minDurationMinutes' }))
        : invalid([...path, 'minDurationMinutes'], inputReason('AT_MOST_OTHER', { other: 'maxDurationMinutes' })),
    );
  }
  if (rules.weeklyQuotaMinutes !== null && rules.weeklyQuotaMinutes < rules.minDurationMinutes) {
    violations.push(
      given(input.weeklyQuotaMinutes)
        ? invalid([...path, 'weeklyQuotaMinutes'], inputReason('AT_LEAST_OTHER', { other: 'minDurationMinutes' }))
        : invalid([...path, 'minDurationMinutes'], inputReason('AT_MOST_OTHER', { other: 'weeklyQuotaMinutes' })),
    );
  }
  return violations;
}
