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
};

/**
 * The ledger's refusal as violations of the owner's input, under `path` (["input"] for an event,
 * ["input", "vernissage"] for a vernissage): SLOT_UNAVAILABLE on startsAt, NOT_FOUND on
 * sharedSpaceId, INVALID_RANGE on endsAt; any other code is kept (INVALID_INPUT when unknown here)
 * on the path itself, with the ledger's code as the reason.
 */
export function refusalOf(errors: LedgerError[], path: string[]): LedgerViolation[] {
  return errors.map((e) => {
    const code = e.code in USER_ERROR_CODES ? (e.code as UserErrorCode) : UserErrorCode.INVALID_INPUT;
    const leaf = LEAF[code];
    if (leaf) return { code, field: [...path, leaf] };
    return { code, field: path, params: { field: path.filter((p) => p !== 'input').join('.') || 'sharedSpaceId', reason: e.code } };
  });
}
