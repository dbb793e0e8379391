import { Field, InputType } from 'type-graphql';
import type { Texts } from '@maison/house';
import { invalid, type RuleViolation } from './violation';

@InputType({ description: 'A text in both languages of the house: French required, English optional.' })
export class LocalizedTextInput {
  @Field()
  fr!: string;

  @Field(() => String, { nullable: true })
  en?: string | null;
}

// Control characters (C0, DEL, C1) and the Unicode line/paragraph separators; a multi-line text may keep \n and \t.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const CONTROL_BUT_NEWLINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/;
// Half of a surrogate pair: no Unicode character, so PostgreSQL refuses it in jsonb and replaces it in text.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** False for a string that is not well-formed UTF-16 (a lone surrogate): it cannot be stored as given. */
export const isWellFormedText = (value: string): boolean => !LONE_SURROGATE.test(value);

/**
 * Cleans a text input (NFC, trimmed; an empty English text is no English text) and checks it:
 * French not blank, each language at most `max` characters, no control characters, no lone surrogates.
 */
export function cleanTexts(
  input: LocalizedTextInput,
  path: string[],
  options: { max: number; multiline?: boolean },
): { texts: Texts; violations: RuleViolation[] } {
  const control = options.multiline ? CONTROL_BUT_NEWLINES : CONTROL;
  const violations: RuleViolation[] = [];
  const check = (value: string, lang: 'fr' | 'en') => {
    if ([...value].length > options.max) violations.push(invalid([...path, lang], `${options.max} caractères au plus / at most ${options.max} characters`));
    else if (control.test(value)) violations.push(invalid([...path, lang], 'caractères de contrôle / control characters'));
    else if (!isWellFormedText(value)) violations.push(invalid([...path, lang], 'caractères invalides / invalid characters'));
  };
  const fr = input.fr.normalize('NFC').trim();
  if (fr.length === 0) violations.push(invalid([...path, 'fr'], 'texte français requis / French text required'));
  else check(fr, 'fr');
  const en = input.en?.normalize('NFC').trim() || null;
  if (en !== null) check(en, 'en');
  return { texts: en === null ? { fr } : { fr, en }, violations };
}
