import type { Message } from '../message';

/**
 * What a parameter of a GraphQL.js or Apollo Server message holds, and so how it is matched and
 * put into French:
 *  - name: a name written between double quotes (the default there); French keeps it, in « »;
 *  - text: anything up to what follows (the default elsewhere), kept as it is;
 *  - value: a value as GraphQL prints it, its strings quoted whole (a "; " inside one is no end), kept as it is;
 *  - token: a lexical token as the parser describes it (<EOF>, "}", Name "x"), kept as it is;
 *  - list: quoted names ("a", "b", or "c"; "a", "b"), in French « a », « b » ou « c » (« a », « b »);
 *  - message: a whole message of the table itself (the cause after "; "), translated in turn.
 */
export type ParamKind = 'name' | 'text' | 'value' | 'token' | 'list' | 'message';

/** A message written by GraphQL.js or Apollo Server, in English, and its French. */
export interface KnownMessage extends Message {
  /** Where it is written: the file of graphql (lib/…) or of @apollo/server (dist/cjs/…). */
  readonly description: string;
  /** The whole English message, anchored; one named group per parameter of fr and en. */
  readonly pattern: RegExp;
  /** The parameters whose kind is not the default one. */
  readonly kinds: Readonly<Record<string, ParamKind>>;
  /** The same pattern with its nested messages as short as they can be: the other split of "… and …". */
  readonly shortestNested?: RegExp;
}

const TOKEN = String.raw`<EOF>|<SOF>|"[^"]+"|(?:Name|Int|Float|String|BlockString) "[\s\S]*"|Name|Int|Float|String|BlockString`;
const LIST = String.raw`"[^"]*"(?:, "[^"]*")*(?:,? or "[^"]*")?`;
const VALUE = String.raw`(?:"(?:[^"\\]|\\[\s\S])*"|[^"])+?`;
const SOURCES: Record<ParamKind, string> = {
  name: '[^"]*',
  text: String.raw`[\s\S]+?`,
  value: VALUE,
  token: TOKEN,
  list: LIST,
  message: String.raw`[\s\S]+`,
};
const SHORTEST_MESSAGE = String.raw`[\s\S]+?`;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * An entry of the table: its pattern is its English template, each {param} a named group (a quoted
 * name unless kinds says otherwise), so the English column is exactly what GraphQL.js writes.
 */
export function known(description: string, en: string, fr: string, kinds: Readonly<Record<string, ParamKind>> = {}): KnownMessage {
  const source = (shortest: boolean) =>
    en
      .split(/(\{\w+\})/)
      .map((part, i, parts) => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1];
        if (!name) return escape(part);
        const kind = kinds[name] ?? ((parts[i + 1] ?? '').startsWith('"') ? 'name' : 'text');
        return `(?<${name}>${shortest && kind === 'message' ? SHORTEST_MESSAGE : SOURCES[kind]})`;
      })
      .join('');
  const nested = Object.values(kinds).includes('message');
  return { description, en, fr, kinds, pattern: new RegExp(`^${source(false)}$`), ...(nested && { shortestNested: new RegExp(`^${source(true)}$`) }) };
}
