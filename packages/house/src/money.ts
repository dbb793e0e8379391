import type { Lang } from '@maison/config';

const LOCALES: Record<Lang, string> = { fr: 'fr-CA', en: 'en-CA' };

const formats = new Map<string, Intl.NumberFormat>();

/**
 * An amount in the smallest unit of its currency, written for a language: "25,00 $" in French,
 * "$25.00" in English. Each language and currency's Intl.NumberFormat is built once in the process:
 * building one costs far more than formatting with it (a price label per artwork of a page).
 */
export function formatMoney(amountCents: number, lang: Lang, currency = 'CAD'): string {
  const key = `${lang}|${currency}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang], { style: 'currency', currency });
    formats.set(key, format);
  }
  return format.format(amountCents / 100);
}

/**
 * Quebec's sales taxes, each on the price before taxes: GST (TPS) 5 % and QST (TVQ) 9.975 %, as
 * fractions of integers so no amount ever goes through floating point.
 */
export const QUEBEC_SALES_TAXES = {
  gst: { numerator: 5, denominator: 100 },
  qst: { numerator: 9975, denominator: 100_000 },
} as const;

/** A tax on an amount in cents, rounded to the cent, half up (amounts of the house are never negative). */
export function taxCents(amountCents: number, rate: { numerator: number; denominator: number }): number {
  if (!Number.isSafeInteger(amountCents) || amountCents < 0) throw new RangeError(`taxCents: ${amountCents} is not a non-negative whole number of cents`);
  return Math.floor((2 * amountCents * rate.numerator + rate.denominator) / (2 * rate.denominator));
}

export interface SalesTaxCents {
  gst: number;
  qst: number;
  /** price + gst + qst. */
  total: number;
}

/** GST and QST on a price before taxes, and the total a buyer pays: 2500 → 125 + 249 = 2874. */
export function quebecSalesTaxes(priceCents: number): SalesTaxCents {
  const gst = taxCents(priceCents, QUEBEC_SALES_TAXES.gst);
  const qst = taxCents(priceCents, QUEBEC_SALES_TAXES.qst);
  return { gst, qst, total: priceCents + gst + qst };
}
