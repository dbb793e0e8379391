import type { Lang } from '@maison/config';

/** A message a client reads, in both languages of the house; {name} is a parameter. */
export interface Message {
  readonly fr: string;
  readonly en: string;
  /** What the message is for, when its code has more than one (for docs/errors.md). */
  readonly description?: string;
}

export type ParamValue = string | number;

/** The parameters a template names: '{limit} of {actual}' → { limit; actual }. */
export type ParamsOf<T extends string> = string extends T
  ? Record<string, ParamValue>
  : T extends `${string}{${infer Name}}${infer Rest}`
    ? { [K in Name]: ParamValue } & ParamsOf<Rest>
    : Record<never, never>;

/** The parameters of a message: those of its French and of its English. */
export type ParamsOfMessage<M extends Message> = ParamsOf<M['fr']> & ParamsOf<M['en']>;

/** The trailing argument of a builder: nothing when the message has no parameter. */
export type ParamsArg<M extends Message> = keyof ParamsOfMessage<M> extends never ? [params?: Record<string, never>] : [params: ParamsOfMessage<M>];

const PLACEHOLDER = /\{(\w+)\}/g;

/** The names of the parameters a template uses, in order, each once. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** The message in one language, its parameters filled (an unknown one is left as written). */
export function render(message: Message, lang: Lang, params: Readonly<Record<string, ParamValue>> = {}): string {
  return message[lang].replace(PLACEHOLDER, (match, name: string) => (name in params ? String(params[name]) : match));
}

/** The message in both languages, its parameters filled. */
export function renderBoth(message: Message, params: Readonly<Record<string, ParamValue>> = {}): Record<Lang, string> {
  return { fr: render(message, 'fr', params), en: render(message, 'en', params) };
}
