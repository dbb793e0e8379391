/**
 * The bounds of a shared space's rules, as the API checks them. The database states the same
 * bounds as CHECK constraints (migrations 001, 002 and 007); space-rules.bounds.int.test.ts
 * proves both refuse and accept the same values.
 */
export const RULE_BOUNDS = {
  capacity: { min: 1, max: 500 },
  bufferMinutes: { min: 0, max: 240 },
  minDurationMinutes: { min: 1, max: 1440 },
  maxDurationMinutes: { min: 1, max: 1440 },
  horizonDays: { min: 1, max: 730 },
  minNoticeMinutes: { min: 0, max: 10080 },
  cancellationCutoffMinutes: { min: 0, max: 10080 },
  // Also at least minDurationMinutes: a smaller quota would allow no booking at all.
  weeklyQuotaMinutes: { min: 1, max: 10080 },
} as const;

export type BoundedRule = keyof typeof RULE_BOUNDS;

export const SLOT_STEPS = [5, 10, 15, 20, 30, 60] as const;
export const ELIGIBLE_ROLES = ['TENANT', 'MEMBER', 'ARTIST'] as const;
/** Two opening ranges a day at most, as the cost model of SharedSpace.openingHours assumes. */
export const MAX_OPENING_RANGES = 14;
export const SLUG_MAX = 60;

export const OPENS = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
export const CLOSES = /^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$/;
/** A day that exists in every year (02-29 included, the leap day): is_month_day() of migration 007. */
export const MONTH_DAY =
  /^(01-(0[1-9]|[12][0-9]|3[01])|02-(0[1-9]|1[0-9]|2[0-9])|(04|06|09|11)-(0[1-9]|[12][0-9]|30)|(03|05|07|08|10|12)-(0[1-9]|[12][0-9]|3[01]))$/;

/** The rules a space starts with when its creation leaves them out: the column defaults of migration 002. */
export const DEFAULT_RULES = {
  bufferMinutes: 0,
  minDurationMinutes: 30,
  maxDurationMinutes: 240,
  horizonDays: 60,
  minNoticeMinutes: 60,
  weeklyQuotaMinutes: null as number | null,
  cancellationCutoffMinutes: 120,
  eligibleRoles: [...ELIGIBLE_ROLES] as string[],
  slotStepMinutes: 30,
};
