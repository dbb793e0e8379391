import { DEFAULT_LANG, type Lang } from '@maison/config';

/** Text a person reads, stored as jsonb {"fr": "...", "en": "..."}: French required, English optional. */
export interface Texts {
  fr: string;
  en?: string | null;
}

/** The text in the asked language, falling back to French. */
export function tr(texts: Texts, lang: Lang): string;
export function tr(texts: Texts | null | undefined, lang: Lang): string | null;
export function tr(texts: Texts | null | undefined, lang: Lang): string | null {
  if (!texts) return null;
  return (lang !== DEFAULT_LANG && texts[lang]) || texts.fr;
}
