import { GRAPHQL_ERROR_CODES, isKnownMessage, USER_ERROR_CODES, type Message } from '@maison/errors';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const HOUSE_MESSAGES = Object.values(GRAPHQL_ERROR_CODES).flatMap((entry) => [
  ...Object.values(entry.messages as Record<string, Message>),
  ...Object.values((entry as { reasons?: Record<string, Message> }).reasons ?? {}),
]);
const HOUSE_PATTERNS = { fr: HOUSE_MESSAGES.map((m) => pattern(m.fr)), en: HOUSE_MESSAGES.map((m) => pattern(m.en)) };
const USER_ERROR_PATTERNS = { fr: Object.values(USER_ERROR_CODES).map((m) => pattern(m.fr)), en: Object.values(USER_ERROR_CODES).map((m) => pattern(m.en)) };
function pattern(text: string): RegExp {
  return new RegExp(`^${escape(text).replace(/\\\{\w+\\\}/g, '[\\s\\S]+')}$`);
}

/** Whether a message is one of the house's own (the registry's), in that language: each {parameter} any text. */
export const houseMessage = (message: string, lang: 'fr' | 'en'): boolean => HOUSE_PATTERNS[lang].some((p) => p.test(message));

/** Whether a message is one of the registry's userError messages, in that language. */
export const userErrorMessage = (message: string, lang: 'fr' | 'en'): boolean => USER_ERROR_PATTERNS[lang].some((p) => p.test(message));

/** English words of GraphQL.js's and Apollo's sentences, once names, values and code are taken out (see wordsOf). */
export const ENGLISH_WORDS =
  /\b(the|must|cannot|can|was|were|is|are|not|of|on|and|or|be|by|found|expected|unknown|field|provided|only|used|never|defined|required|value|did you mean|operation|request|please)\b/i;

/** A message without its quoted names and values, MIME types and kebab-case words: the sentence's own words. */
export const wordsOf = (message: string): string =>
  message.replace(/«[^»]*»|"[^"]*"|`[^`]*`|'[^']*'|\$\w+|[\w.-]+\/[\w.+-]+(; charset=[\w-]+)?|[a-z]+-[a-z-]+/g, ' ');

/**
 * Why a message an answer carries is not in the caller's language, or null when it is: empty;
 * for French, one of GraphQL's English sentences (untranslated) or English words once values are
 * taken out, unless it is a French message of the registry (of an error or a userError); for English, a French-only message
 * of the registry.
 * `values` are the texts the caller sent, which a message may quote.
 */
export function languageProblem(message: string, lang: 'fr' | 'en', values: readonly string[] = []): string | null {
  if (!message.trim()) return 'empty message';
  const [fr, en] = [houseMessage(message, 'fr') || userErrorMessage(message, 'fr'), houseMessage(message, 'en') || userErrorMessage(message, 'en')];
  if (lang === 'en') return fr && !en ? 'a French message of the registry' : null;
  if (fr) return null;
  if (isKnownMessage(message)) return 'one of GraphQL’s English messages, untranslated';
  const sentence = values.filter((v) => v.length > 0).reduce((text, v) => text.split(v).join(' '), message);
  const english = ENGLISH_WORDS.exec(wordsOf(sentence))?.[0];
  return english ? `English word "${english}"` : null;
}
