import { UserErrorCode } from '@maison/errors';
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
    violations.push(invalid(['input', 'attendees'], '≥ 1'));
  }
  if (input.idempotencyKey != null && (input.idempotencyKey.length < 1 || input.idempotencyKey.length > 200 || textFault(input.idempotencyKey) !== null)) {
    violations.push(invalid(['input', 'idempotencyKey'], '1 à 200 caractères imprimables / 1 to 200 printable characters'));
  }
  if (input.holderId != null && !isUuid(input.holderId)) violations.push(invalid(['input', 'holderId'], 'UUID'));
  if (!isUuid(input.spaceId)) violations.push({ code: UserErrorCode.NOT_FOUND, field: ['input', 'spaceId'] });
  return { title, violations };
}
