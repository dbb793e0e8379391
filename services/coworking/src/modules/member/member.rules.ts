import { inputReason } from '@maison/errors';
import { cleanText, cleanTexts, EMAIL_MAX, invalid, isEmail, isPhone, textFault, type RuleViolation, type Texts } from '@maison/house';

/** The bounds of a member's fields: the same as the CHECKs of migrations/006_member_admin.sql. */
export const MEMBER_BOUNDS = { displayName: 120, email: EMAIL_MAX, profession: 100, shortBio: 500 } as const;

/** A member's fields as the API gives them: a key left out (undefined) stays, null clears an optional one. */
export interface MemberFieldsInput {
  displayName?: string | null;
  email?: string | null;
  phone?: string | null;
  profession?: Texts | null;
  shortBio?: Texts | null;
  isPublic?: boolean | null;
  joinedOn?: string | null;
}

/** The same fields cleaned, only those given: what an INSERT or UPDATE writes. */
export interface MemberFieldsClean {
  displayName?: string;
  email?: string;
  phone?: string | null;
  profession?: Texts | null;
  shortBio?: Texts | null;
  isPublic?: boolean;
  joinedOn?: string;
}

const path = (name: string) => ['input', name];
const required = (name: string) => invalid(path(name), inputReason('REQUIRED'));

export function cleanEmail(value: string): { email: string; violation: RuleViolation | null } {
  const email = value.normalize('NFC').trim();
  const ok = isEmail(email, MEMBER_BOUNDS.email) && textFault(email) === null;
  return { email, violation: ok ? null : invalid(path('email'), inputReason('EMAIL', { max: MEMBER_BOUNDS.email })) };
}

export function cleanPhone(value: string): { phone: string; violation: RuleViolation | null } {
  const phone = value.trim();
  return { phone, violation: isPhone(phone) ? null : invalid(path('phone'), inputReason('PHONE')) };
}

/**
 * Checks the given fields of a member (both create and update: create gives every key); returns
 * them cleaned (NFC, trimmed) with every rule they break. Required ones (displayName, email,
 * isPublic, joinedOn) may be left out of an update but never set to null.
 */
export function validateMemberFields(input: MemberFieldsInput, today: string): { fields: MemberFieldsClean; violations: RuleViolation[] } {
  const fields: MemberFieldsClean = {};
  const violations: RuleViolation[] = [];
  const keep = (violation: RuleViolation | null) => violation && violations.push(violation);

  if (input.displayName === null) violations.push(required('displayName'));
  else if (input.displayName !== undefined) {
    const name = cleanText(input.displayName, path('displayName'), MEMBER_BOUNDS.displayName);
    keep(name.violation);
    fields.displayName = name.text;
  }
  if (input.email === null) violations.push(required('email'));
  else if (input.email !== undefined) {
    const email = cleanEmail(input.email);
    keep(email.violation);
    fields.email = email.email;
  }
  if (input.phone === null) fields.phone = null;
  else if (input.phone !== undefined) {
    const phone = cleanPhone(input.phone);
    keep(phone.violation);
    fields.phone = phone.phone;
  }
  for (const [name, options] of [
    ['profession', { max: MEMBER_BOUNDS.profession }],
    ['shortBio', { max: MEMBER_BOUNDS.shortBio, multiline: true }],
  ] as const) {
    const value = input[name];
    if (value === null) fields[name] = null;
    else if (value !== undefined) {
      const texts = cleanTexts(value, path(name), options);
      violations.push(...texts.violations);
      fields[name] = texts.texts;
    }
  }
  if (input.isPublic === null) violations.push(required('isPublic'));
  else if (input.isPublic !== undefined) fields.isPublic = input.isPublic;
  if (input.joinedOn === null) violations.push(required('joinedOn'));
  else if (input.joinedOn !== undefined) {
    if (input.joinedOn > today) violations.push(invalid(path('joinedOn'), inputReason('NOT_IN_FUTURE')));
    fields.joinedOn = input.joinedOn;
  }
  return { fields, violations };
}
