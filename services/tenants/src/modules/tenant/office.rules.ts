import { inputReason, UserErrorCode } from '@maison/errors';
import { cleanTexts, invalid, type RuleViolation, type Texts } from '@maison/house';

/** The bounds of an office, the same as the CHECKs of migrations 001 and 006. */
export const OFFICE_LIMITS = { name: 100, floor: { min: -1, max: 4 }, areaM2: { min: 0.1, max: 5000 } } as const;

export interface OfficeFields {
  name: Texts;
  floor: number;
  areaM2: number;
  startsOn: string;
}

/** The office as it will be stored: its name cleaned, its area rounded to a tenth (numeric(6, 1)). */
export type OfficeDraft = OfficeFields;

/**
 * An office is occupied from startsOn (included) to endsOn (excluded: the day it is vacated). It has
 * ended once endsOn has come, or when endsOn is its startsOn (withdrawn before it began).
 */
export function officeHasEnded(office: { startsOn: string; endsOn: string | null }, today: string): boolean {
  return office.endsOn !== null && (office.endsOn <= today || office.endsOn <= office.startsOn);
}

/** The offices not ended (see officeHasEnded) as SQL on the office table aliased `alias`; `today` names the date parameter. */
export const currentOfficeSql = (alias: string, today = ':today') =>
  `(${alias}.ends_on IS NULL OR (${alias}.ends_on > ${today}::date AND ${alias}.ends_on > ${alias}.starts_on))`;

/** Checks a new office, without the database (the tenant is the service's). */
export function validateOffice(f: OfficeFields): { draft: OfficeDraft; violations: RuleViolation[] } {
  const name = cleanTexts(f.name, ['input', 'name'], { max: OFFICE_LIMITS.name });
  const violations = [...name.violations];
  const { floor, areaM2 } = OFFICE_LIMITS;
  if (!Number.isInteger(f.floor) || f.floor < floor.min || f.floor > floor.max) violations.push(invalid(['input', 'floor'], inputReason('BETWEEN', floor)));
  const area = Math.round(f.areaM2 * 10) / 10;
  if (!Number.isFinite(area) || area < areaM2.min || area > areaM2.max) violations.push(invalid(['input', 'areaM2'], inputReason('BETWEEN', areaM2)));
  return { draft: { name: name.texts, floor: f.floor, areaM2: area, startsOn: f.startsOn }, violations };
}

/** Whether an office may end on endsOn: not already ended, and not before it started. */
export function checkOfficeEnd(office: { startsOn: string; endsOn: string | null }, endsOn: string, today: string): RuleViolation | null {
  if (officeHasEnded(office, today)) return { code: UserErrorCode.ALREADY_ENDED, field: ['id'] };
  if (endsOn < office.startsOn) return { code: UserErrorCode.INVALID_RANGE, field: ['endsOn'] };
  return null;
}
