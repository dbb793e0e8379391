import { UserErrorCode } from '@maison/errors';
import { BookingKind, type HolderKind } from '../booking/booking.enums';
import { isEligible } from '../booking/booking.holder';
import { checkBookingRules } from '../booking/booking.rules';
import type { RuleColumns } from './space-rules.validation';

/** What the conflicts need of a live row of the ledger. */
export interface LedgerRow {
  id: string;
  kind: BookingKind;
  holderKind: HolderKind;
  startsAt: Date;
  endsAt: Date;
  attendees: number | null;
}

/**
 * The ledger's refusals that say whether the slot itself is allowed. Notice, horizon and quota
 * are about the moment a booking is made and how much its holder still may book: a booking made
 * under the old rules keeps them, so they never make a conflict.
 */
const SLOT_RULES = new Set<UserErrorCode>([
  UserErrorCode.TOO_SHORT,
  UserErrorCode.TOO_LONG,
  UserErrorCode.OUT_OF_SEASON,
  UserErrorCode.OUTSIDE_OPENING_HOURS,
  UserErrorCode.OVER_CAPACITY,
]);

/**
 * The future bookings and event holds (closures never) that the rules would not have allowed:
 * outside the opening hours or the season, too short or too long, above the capacity (the
 * ledger's own checkBookingRules), held by a kind of holder no longer eligible, or starting inside
 * the cleaning buffer of the row before it (or whose buffer reaches a closure after it).
 * `rows` are the space's live rows, by start, including those that end shortly before `now`.
 */
export function rulesConflicts<R extends LedgerRow>(rules: RuleColumns, rows: readonly R[], now: Date): R[] {
  const buffer = rules.bufferMinutes * 60_000;
  return rows.filter((row, i) => {
    if (row.kind === BookingKind.CLOSURE || row.startsAt <= now) return false;
    const refusals = checkBookingRules(rules, row, now, false).filter((v) => SLOT_RULES.has(v.code));
    if (refusals.length > 0) return true;
    if (!isEligible({ kind: row.holderKind, id: null }, rules)) return true;
    const before = rows[i - 1];
    if (before && before.endsAt.getTime() + buffer > row.startsAt.getTime()) return true;
    const after = rows[i + 1];
    return after?.kind === BookingKind.CLOSURE && row.endsAt.getTime() + buffer > after.startsAt.getTime();
  });
}
