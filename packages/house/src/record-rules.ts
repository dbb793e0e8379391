import { inputReason, UserErrorCode } from '@maison/errors';
import { invalid, type RuleViolation } from './outcome';
import { textFault } from './text-rules';

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

/** The longest email address (RFC 5321's path limit). */
export const EMAIL_MAX = 254;

export const isSlug = (text: string, max: number): boolean => text.length <= max && SLUG.test(text);
export const isEmail = (text: string, max = EMAIL_MAX): boolean => [...text].length <= max && EMAIL.test(text);
/** A phone number with at least 7 digits. */
export const isPhone = (text: string): boolean => PHONE.test(text) && text.replace(/[^0-9]/g, '').length >= 7;

/** The longest URL kept (the CHECKs of the migrations). */
export const URL_MAX = 2000;

/**
 * Whether a text is a URL of one of `protocols` (https: by default) with a host, as stored: at most
 * URL_MAX characters, no control character, beginning with its protocol in lower case as the CHECK
 * constraints read it. The URL is stored as given, not as the URL parser rewrites it.
 */
export function isWebUrl(text: string, protocols: readonly string[] = ['https:']): boolean {
  if (text.length > URL_MAX || textFault(text) !== null) return false;
  try {
    const url = new URL(text);
    return protocols.includes(url.protocol) && url.hostname.length > 0 && text.startsWith(`${url.protocol}//`);
  } catch {
    return false;
  }
}

/** An http:// or https:// URL with a host (a website). */
export const isHttpUrl = (text: string): boolean => isWebUrl(text, ['http:', 'https:']);

/** SLUG_TAKEN: another record of the same kind already has this slug (every kind answers it the same way). */
export const slugTaken = (path: string[] = ['input', 'slug']): RuleViolation => ({ code: UserErrorCode.SLUG_TAKEN, field: path });

/** INVALID_INPUT on `path` unless `slug` is a slug of at most `max` characters. */
export const slugFault = (slug: string, path: string[], max: number): RuleViolation | null =>
  isSlug(slug, max) ? null : invalid(path, inputReason('SLUG_FORMAT', { max }));
