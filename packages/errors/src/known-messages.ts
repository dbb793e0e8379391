import type { Lang } from '@maison/config';
import { GRAPHQL_JS_MESSAGES, PROTOCOL_MESSAGES, type GraphQLJsMessageName, type KnownMessage } from './registry/graphql-js-messages';
import { render } from './registry/message';

/** A message of GraphQL.js or Apollo Server found in the table: its entry, its parameters, its French. */
export interface KnownMessageMatch {
  readonly name: GraphQLJsMessageName;
  readonly params: Readonly<Record<string, string>>;
  readonly fr: string;
}

const ENTRIES = Object.entries(GRAPHQL_JS_MESSAGES) as [GraphQLJsMessageName, KnownMessage][];
const SUGGESTION = ' Did you mean ';

/** "a", "b", or "c" → « a », « b » ou « c »; "a", "b" → « a », « b ». */
function frenchList(list: string): string {
  const names = [...list.matchAll(/"([^"]*)"/g)].map((m) => `« ${m[1]} »`);
  if (names.length < 2 || !/ or "[^"]*"$/.test(list)) return names.join(', ');
  return `${names.slice(0, -1).join(', ')} ou ${names.at(-1)}`;
}

/** The French of the parameters of one match, or undefined when a nested message is unknown. */
function frenchParams(entry: KnownMessage, groups: Record<string, string>): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(groups)) {
    const kind = entry.kinds[name];
    if (kind === 'message') {
      const nested = findKnownMessage(value);
      if (!nested) return undefined;
      params[name] = nested.fr;
    } else params[name] = kind === 'list' ? frenchList(value) : value;
  }
  return params;
}

/**
 * The entry of the table the whole message matches (nested messages included), with its French;
 * a message ending with " Did you mean …?" is its sentence and that suggestion, each found in turn.
 */
export function findKnownMessage(message: string): KnownMessageMatch | undefined {
  for (const [name, entry] of ENTRIES) {
    for (const pattern of entry.shortestNested ? [entry.pattern, entry.shortestNested] : [entry.pattern]) {
      const match = pattern.exec(message);
      if (!match) continue;
      const params = Object.fromEntries(Object.entries(match.groups ?? {}).map(([k, v]) => [k, v ?? '']));
      const french = frenchParams(entry, params);
      if (french) return { name, params, fr: render(entry, 'fr', french) };
    }
  }
  for (let at = message.lastIndexOf(SUGGESTION); at > 0; at = message.lastIndexOf(SUGGESTION, at - 1)) {
    const sentence = findKnownMessage(message.slice(0, at));
    const suggestion = sentence && findKnownMessage(message.slice(at + 1));
    if (sentence && suggestion) return { ...sentence, fr: [sentence.fr, suggestion.fr].join(' ') };
  }
  return undefined;
}

/** True when the message is GraphQL.js's or Apollo Server's own, in the table or kept as a word of a protocol. */
export const isKnownMessage = (message: string): boolean => message in PROTOCOL_MESSAGES || findKnownMessage(message) !== undefined;

/**
 * A message of GraphQL.js or Apollo Server in the caller's language: French from the table, English
 * as GraphQL.js wrote it. Anything else (the house's own messages, already in the caller's
 * language; a word of a protocol) is returned as it is.
 */
export function translateKnownMessage(message: string, lang: Lang): string {
  if (lang === 'en' || message in PROTOCOL_MESSAGES) return message;
  return findKnownMessage(message)?.fr ?? message;
}
