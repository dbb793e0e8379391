import { isAdmin, type Identity } from '@maison/auth';
import type { Lang } from '@maison/config';
import { badUserInput, forbidden, unauthenticated, userError, type MessageParams, type UserError, type UserErrorCode } from '@maison/errors';

/** An expected refusal of a rule: a stable code, the input field at fault, and message parameters. */
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

export const errorsOf = (violations: RuleViolation[], lang: Lang): UserError[] =>
  violations.map((v) => userError(v.code, lang, { field: v.field, params: v.params }));

/** A signed-in caller, or UNAUTHENTICATED. */
export function signedIn(identity: Identity, lang: Lang): Identity {
  if (identity.sub === null) throw unauthenticated(lang);
  return identity;
}

/** ADMIN, or UNAUTHENTICATED (anonymous) / FORBIDDEN (anyone else). */
export function adminOnly(identity: Identity, lang: Lang): Identity {
  signedIn(identity, lang);
  if (!isAdmin(identity)) throw forbidden(lang);
  return identity;
}

/**
 * The member a caller acts for: ADMIN names any member (BAD_USER_INPUT without one), anyone else acts
 * only for the member of their identity. Acting for someone else is FORBIDDEN, as is having no member id.
 */
export function actingMember(identity: Identity, memberId: string | null | undefined, lang: Lang): string {
  signedIn(identity, lang);
  const own = identity.memberId?.toLowerCase();
  const asked = memberId?.toLowerCase();
  if (isAdmin(identity)) {
    const id = asked ?? own;
    if (!id) throw badUserInput(lang, 'MEMBER_ID_REQUIRED');
    return id;
  }
  if (!own) throw forbidden(lang, 'MEMBERS_OF_ESPACE_KO_ONLY');
  if (asked && asked !== own) throw forbidden(lang);
  return own;
}
