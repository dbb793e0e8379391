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

/** Messages already looked up during one translation: a nested message is found once, however often it is tried. */
type Seen = Map<string, KnownMessageMatch | undefined>;

/** The French of the parameters of one match, or undefined when a nested message is unknown. */
function frenchParams(entry: KnownMessage, groups: Record<string, string>, seen: Seen): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(groups)) {
    const kind = entry.kinds[name];
    if (kind === 'message') {
      const nested = find(value, seen);
      if (!nested) return undefined;
      // After " ; " the French sentence goes on: "… invalide, "a" ; un Int ne peut pas …".
      params[name] = entry.fr.includes(`; {${name}}`) ? nested.fr.charAt(0).toLowerCase() + nested.fr.slice(1) : nested.fr;
    } else params[name] = kind === 'list' ? frenchList(value) : value;
  }
  return params;
}

/** The first entry whose pattern matches the whole message and whose nested messages are all known. */
function entryOf(message: string, seen: Seen): KnownMessageMatch | undefined {
  for (const [name, entry] of ENTRIES) {
    for (const pattern of entry.shortestNested ? [entry.pattern, entry.shortestNested] : [entry.pattern]) {
      const match = pattern.exec(message);
      if (!match) continue;
      const params = Object.fromEntries(Object.entries(match.groups ?? {}).map(([k, v]) => [k, v ?? '']));
      const french = frenchParams(entry, params, seen);
      if (french) return { name, params, fr: render(entry, 'fr', french) };
    }
  }
  return undefined;
}

function find(message: string, seen: Seen): KnownMessageMatch | undefined {
  if (seen.has(message)) return seen.get(message);
  seen.set(message, undefined); // a message is never its own part
  let found = entryOf(message, seen);
  // graphql's suggestion always ends the message: its sentence before it, the suggestion after.
  const at = found ? -1 : message.lastIndexOf(SUGGESTION);
  if (at > 0) {
    const sentence = entryOf(message.slice(0, at), seen);
    const suggestion = sentence && entryOf(message.slice(at + 1), seen);
    if (sentence && suggestion) found = { ...sentence, fr: [sentence.fr, suggestion.fr].join(' ') };
  }
  seen.set(message, found);
  return found;
}

/**
 * The entry of the table the whole message matches (nested messages included), with its French;
 * a message ending with " Did you mean …?" is its sentence and that suggestion, each found in turn.
 */
export const findKnownMessage = (message: string): KnownMessageMatch | undefined => find(message, new Map());

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
