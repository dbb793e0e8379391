import type { Lang } from '@maison/config';
import { userError, UserErrorCode, type InputReasonParams, type MessageParams, type UserError } from '@maison/errors';

/** An expected refusal of a rule, before it is put into words: a stable code, the input path at fault, message parameters. */
export interface RuleViolation {
  code: UserErrorCode;
  field?: string[];
  params?: MessageParams;
}

/** What a mutation of a service answers: the object it made or changed, or why it did not. */
export interface Outcome<T> {
  value: T | null;
  errors: RuleViolation[];
}

export const ok = <T>(value: T): Outcome<T> => ({ value, errors: [] });
export const refuse = <T = never>(...errors: RuleViolation[]): Outcome<T> => ({ value: null, errors });

/**
 * INVALID_INPUT on a field path such as ['input', 'title', 'fr']; the message names the field without
 * `input`, and its reason (inputReason(...), from the registry) in the caller's language.
 */
export const invalid = (field: string[], reason: InputReasonParams): RuleViolation => ({
  code: UserErrorCode.INVALID_INPUT,
  field,
  params: { field: field.filter((f) => f !== 'input').join('.'), ...reason },
});

/** The violations of a service, as the userErrors of a payload in the caller's language. */
export const errorsOf = (violations: readonly RuleViolation[], lang: Lang): UserError[] =>
  violations.map((v) => userError(v.code, lang, { field: v.field, params: v.params }));
