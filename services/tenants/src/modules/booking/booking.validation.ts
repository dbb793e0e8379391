import { UserErrorCode } from '@maison/errors';
import { isUuid } from '@maison/house';
import type { RuleViolation } from './booking.rules';

// Control characters (C0, DEL, C1) and the Unicode line/paragraph separators never belong in a title.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

const invalid = (field: string, reason: string): RuleViolation => ({
  code: UserErrorCode.INVALID_INPUT,
  field: ['input', field],
  params: { field, reason },
});

/** Checks the shape of a booking's free-form fields; returns the cleaned title. */
export function validateBookingFields(input: {
  spaceId: string;
  title: string;
  attendees?: number | null;
  idempotencyKey?: string | null;
  holderId?: string | null;
}): { title: string; violations: RuleViolation[] } {
  const violations: RuleViolation[] = [];
  const title = input.title.normalize('NFC').trim();
  if (title.length === 0 || [...title].length > 200) violations.push(invalid('title', '1 à 200 caractères / 1 to 200 characters'));
  else if (CONTROL.test(title)) violations.push(invalid('title', 'caractères de contrôle / control characters'));
  if (input.attendees != null && (!Number.isInteger(input.attendees) || input.attendees < 1)) {
    violations.push(invalid('attendees', '≥ 1'));
  }
  if (input.idempotencyKey != null && (input.idempotencyKey.length < 1 || input.idempotencyKey.length > 200 || CONTROL.test(input.idempotencyKey))) {
    violations.push(invalid('idempotencyKey', '1 à 200 caractères imprimables / 1 to 200 printable characters'));
  }
  if (input.holderId != null && !isUuid(input.holderId)) violations.push(invalid('holderId', 'UUID'));
  if (!isUuid(input.spaceId)) violations.push({ code: UserErrorCode.NOT_FOUND, field: ['input', 'spaceId'] });
  return { title, violations };
}
