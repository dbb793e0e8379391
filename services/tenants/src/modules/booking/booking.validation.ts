import { inputReason, UserErrorCode } from '@maison/errors';
import { cleanText, invalid, isUuid, textFault, type RuleViolation } from '@maison/house';

/** Checks the shape of a booking's free-form fields; returns the cleaned title. */
export function validateBookingFields(input: {
  spaceId: string;
  title: string;
  attendees?: number | null;
  idempotencyKey?: string | null;
  holderId?: string | null;
}): { title: string; violations: RuleViolation[] } {
  const { text: title, violation } = cleanText(input.title, ['input', 'title'], 200);
  const violations: RuleViolation[] = violation ? [violation] : [];
  if (input.attendees != null && (!Number.isInteger(input.attendees) || input.attendees < 1)) {
    violations.push(invalid(['input', 'attendees'], inputReason('AT_LEAST', { min: 1 })));
  }
  if (input.idempotencyKey != null && (input.idempotencyKey.length < 1 || input.idempotencyKey.length > 200 || textFault(input.idempotencyKey) !== null)) {
    violations.push(invalid(['input', 'idempotencyKey'], inputReason('PRINTABLE_LENGTH_BETWEEN', { min: 1, max: 200 })));
  }
  if (input.holderId != null && !isUuid(input.holderId)) violations.push(invalid(['input', 'holderId'], inputReason('UUID')));
  if (!isUuid(input.spaceId)) violations.push({ code: UserErrorCode.NOT_FOUND, field: ['input', 'spaceId'] });
  return { title, violations };
}
