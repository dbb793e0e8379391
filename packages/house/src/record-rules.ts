import { inputReason } from '@maison/errors';
import { invalid, type RuleViolation } from './outcome';

/**
 * The shapes of the identifiers and contact fields every record of the house has (a tenant, a
 * space, a member, an artist, an exhibition, a plan), written once for JavaScript and kept equal to
 * the CHECKs of the migrations (PostgreSQL's \s is [[:space:]]).
 */
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** One @, no spaces, a dot in the domain. */
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
/** Digits, spaces, ( ) . - and a leading +, 7 to 25 characters. */
const PHONE = /^\+?[0-9 ().-]{7,25}$/;
const HTTP = /^https?:\/\//;

/** The longest email address (RFC 5321's path limit). */
export const EMAIL_MAX = 254;

export const isSlug = (text: string, max: number): boolean => text.length <= max && SLUG.test(text);
export const isEmail = (text: string, max = EMAIL_MAX): boolean => [...text].length <= max && EMAIL.test(text);
/** A phone number with at least 7 digits. */
export const isPhone = (text: string): boolean => PHONE.test(text) && text.replace(/[^0-9]/g, '').length >= 7;

/** An http:// or https:// URL with a host. */
export function isHttpUrl(text: string): boolean {
  if (!HTTP.test(text)) return false;
  try {
    return new URL(text).hostname.length > 0;
  } catch {
    return false;
  }
}

/** INVALID_INPUT on `path` unless `slug` is a slug of at most `max` characters. */
export const slugFault = (slug: string, path: string[], max: number): RuleViolation | null =>
  isSlug(slug, max) ? null : invalid(path, inputReason('SLUG_FORMAT', { max }));
