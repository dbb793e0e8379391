import { USER_ERROR_CODES, UserErrorCode, type MessageParams } from '@maison/errors';
import type { LedgerError } from './ledger';

/** An expected refusal in the owner's terms (the shape of each subgraph's RuleViolation). */
export interface LedgerViolation {
  code: UserErrorCode;
  field: string[];
  params?: MessageParams;
}

/** The input field of the owner that a ledger refusal points at, below the owner's path to its placement. */
const LEAF: Partial<Record<string, string>> = {
  SLOT_UNAVAILABLE: 'startsAt',
  NOT_FOUND: 'sharedSpaceId',
  INVALID_RANGE: 'endsAt',
  OUTSIDE_OPENING_HOURS: 'startsAt',
  OUT_OF_SEASON: 'startsAt',
};

/** How an owner names what the ledger checks: its field of attendees ("capacity" for an event), the capacity of the space refused. */
export interface RefusalTerms {
  attendeesField: string;
  spaceCapacity?: number | null;
}

/**
 * The ledger's refusal as violations of the owner's input, under `path` (["input"] for an event,
 * ["input", "vernissage"] for a vernissage): SLOT_UNAVAILABLE, OUTSIDE_OPENING_HOURS and
 * OUT_OF_SEASON on startsAt, NOT_FOUND on sharedSpaceId, INVALID_RANGE on endsAt, OVER_CAPACITY on
 * the owner's attendees field (with the space's capacity); any other code is kept (INVALID_INPUT
 * when unknown here) on the path itself, with the ledger's code as the reason.
 */
export function refusalOf(errors: LedgerError[], path: string[], terms: RefusalTerms = { attendeesField: 'attendees' }): LedgerViolation[] {
  return errors.map((e): LedgerViolation => {
    const code = e.code in USER_ERROR_CODES ? (e.code as UserErrorCode) : UserErrorCode.INVALID_INPUT;
    if (code === UserErrorCode.OVER_CAPACITY) {
      const field = [...path, terms.attendeesField];
      return terms.spaceCapacity == null ? { code, field } : { code, field, params: { capacity: terms.spaceCapacity } };
    }
    const leaf = LEAF[code];
    if (leaf) return { code, field: [...path, leaf] };
    return { code, field: path, params: { field: path.filter((p) => p !== 'input').join('.') || 'sharedSpaceId', reason: e.code } };
  });
}
