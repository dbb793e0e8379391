import { openingHoursOf } from '../house/opening-hours';
import { Season } from './shared-space.fields';
import { SpaceRules } from './space.input';
import type { RuleColumns } from './space-rules.validation';

/** The rules of a space as shared_space_rules_history keeps them (jsonb): the fields of the SpaceRules type. */
export interface RulesSnapshot {
  openingHours: { weekday: number; opens: string; closes: string }[];
  season: { startsOn: string; endsOn: string } | null;
  minDurationMinutes: number;
  maxDurationMinutes: number;
  bufferMinutes: number;
  horizonDays: number;
  minNoticeMinutes: number;
  weeklyQuotaMinutes: number | null;
  cancellationCutoffMinutes: number;
  eligibleRoles: string[];
  slotStepMinutes: number;
  capacity: number;
}

export function snapshotOf(r: RuleColumns): RulesSnapshot {
  return {
    openingHours: r.openingHoursRows.map(({ weekday, opens, closes }) => ({ weekday, opens, closes })),
    season: r.seasonStarts && r.seasonEnds ? { startsOn: r.seasonStarts, endsOn: r.seasonEnds } : null,
    minDurationMinutes: r.minDurationMinutes,
    maxDurationMinutes: r.maxDurationMinutes,
    bufferMinutes: r.bufferMinutes,
    horizonDays: r.horizonDays,
    minNoticeMinutes: r.minNoticeMinutes,
    weeklyQuotaMinutes: r.weeklyQuotaMinutes,
    cancellationCutoffMinutes: r.cancellationCutoffMinutes,
    eligibleRoles: [...r.eligibleRoles],
    slotStepMinutes: r.slotStepMinutes,
    capacity: r.capacity,
  };
}

/** Whether two snapshots say the same (key order aside). */
export const sameRules = (a: RulesSnapshot, b: RulesSnapshot): boolean => JSON.stringify(snapshotOf(columnsOf(a))) === JSON.stringify(snapshotOf(columnsOf(b)));

function columnsOf(s: RulesSnapshot): RuleColumns {
  return {
    ...s,
    openingHoursRows: s.openingHours,
    seasonStarts: s.season?.startsOn ?? null,
    seasonEnds: s.season?.endsOn ?? null,
  };
}

/** The GraphQL object of a snapshot. */
export function spaceRulesOf(s: RulesSnapshot): SpaceRules {
  return Object.assign(new SpaceRules(), {
    ...s,
    openingHours: openingHoursOf(s.openingHours),
    season: s.season && Object.assign(new Season(), s.season),
  });
}
