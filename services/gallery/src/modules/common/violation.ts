import { userError, UserErrorCode, type InputReasonParams, type MessageParams, type UserError } from '@maison/errors';
import type { Lang } from '@maison/config';

/** An expected refusal, before it is put into words: a code, the input path at fault, message params. */
export interface RuleViolation {
  code: UserErrorCode;
  field?: string[];
  params?: MessageParams;
}

/** INVALID_INPUT on a field path; the reason (inputReason(...)) is put into the caller's language. */
export const invalid = (field: string[], reason: InputReasonParams): RuleViolation => ({
  code: UserErrorCode.INVALID_INPUT,
  field,
  params: { field: field.filter((f) => f !== 'input').join('.'), ...reason },
});

export const errorsOf = (violations: readonly RuleViolation[], lang: Lang): UserError[] =>
  violations.map((v) => userError(v.code, lang, { field: v.field, params: v.params }));
