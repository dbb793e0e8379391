import { inputReason, type InputReasonParams } from '@maison/errors';
import { invalid, type RuleViolation } from './outcome';
import type { Texts } from './texts';

// Control characters (C0, DEL, C1) and the Unicode line and paragraph separators never belong in a one-line text.
// eslint-disable-next-line no-control-regex -- finding control characters is the rule
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// A multi-line text may keep tabs and line breaks (\t, \n, \r), nothing else of the kind.
// eslint-disable-next-line no-control-regex -- finding control characters is the rule
const CONTROL_MULTILINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/;
// Half of a surrogate pair is no Unicode character: PostgreSQL refuses it in jsonb (an internal error) and replaces it in text.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a text cannot be stored as given: a control character, or half of a surrogate pair. */
export type TextFault = 'control' | 'surrogate';

const REASONS: Record<TextFault, InputReasonParams> = {
  control: inputReason('CONTROL_CHARACTERS'),
  surrogate: inputReason('INVALID_CHARACTERS'),
};

/** The fault of a text, or null when every character of it may be stored (a multi-line text may keep \t, \n and \r). */
export function textFault(value: string, options: { multiline?: boolean } = {}): TextFault | null {
  if ((options.multiline ? CONTROL_MULTILINE : CONTROL).test(value)) return 'control';
  if (LONE_SURROGATE.test(value)) return 'surrogate';
  return null;
}

/** A one-line text (a title) cleaned, NFC and trimmed, and checked: 1 to `max` characters, no fault. */
export function cleanText(value: string, field: string[], max: number): { text: string; violation: RuleViolation | null } {
  const text = value.normalize('NFC').trim();
  if (text.length === 0 || [...text].length > max) return { text, violation: invalid(field, inputReason('LENGTH_BETWEEN', { min: 1, max })) };
  const fault = textFault(text);
  return { text, violation: fault && invalid(field, REASONS[fault]) };
}

/**
 * A text in both languages cleaned (NFC, trimmed; an empty English text is no English text) and
 * checked: French not blank, each language at most `max` characters and without fault.
 */
export function cleanTexts(input: Texts, path: string[], options: { max: number; multiline?: boolean }): { texts: Texts; violations: RuleViolation[] } {
  const violations: RuleViolation[] = [];
  const check = (value: string, lang: 'fr' | 'en') => {
    const fault = textFault(value, options);
    if ([...value].length > options.max) violations.push(invalid([...path, lang], inputReason('MAX_CHARACTERS', { max: options.max })));
    else if (fault) violations.push(invalid([...path, lang], REASONS[fault]));
  };
  const fr = (input.fr ?? '').normalize('NFC').trim();
  if (fr.length === 0) violations.push(invalid([...path, 'fr'], inputReason('FRENCH_REQUIRED')));
  else check(fr, 'fr');
  const en = input.en?.normalize('NFC').trim() || null;
  if (en !== null) check(en, 'en');
  return { texts: en === null ? { fr } : { fr, en }, violations };
}
