import type { Lang } from '@maison/config';

const LOCALES: Record<Lang, string> = { fr: 'fr-CA', en: 'en-CA' };

/** An amount in the smallest unit of its currency, written for a language: "25,00 $" in French, "$25.00" in English. */
export function formatMoney(amountCents: number, lang: Lang, currency = 'CAD'): string {
  return new Intl.NumberFormat(LOCALES[lang], { style: 'currency', currency }).format(amountCents / 100);
}
