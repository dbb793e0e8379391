import { Directive, Field, Int, ObjectType } from 'type-graphql';
import type { Lang } from '@maison/config';
import { quebecSalesTaxes } from '@maison/house';

@ObjectType({ description: 'An amount of money in the smallest unit of its currency.' })
@Directive('@shareable')
export class Money {
  @Field(() => Int, { description: 'Amount in cents.' })
  amountCents!: number;

  @Field({ description: 'ISO 4217 currency code, CAD in the house.' })
  currency!: string;

  @Field({ description: 'The amount formatted for the language of the request, e.g. "25,00 $" or "$25.00".' })
  formatted!: string;
}

const LOCALES: Record<Lang, string> = { fr: 'fr-CA', en: 'en-CA' };
const formats = new Map<string, Intl.NumberFormat>();

/**
 * formatMoney of @maison/house, same text, with its Intl.NumberFormat built once per language and
 * currency in the process: building one costs far more than formatting (money.test.ts keeps them equal).
 */
export function formatMoneyFast(amountCents: number, lang: Lang, currency = 'CAD'): string {
  const key = `${lang}|${currency}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang], { style: 'currency', currency });
    formats.set(key, format);
  }
  return format.format(amountCents / 100);
}

export function money(amountCents: number, lang: Lang, currency = 'CAD'): Money {
  const m = new Money();
  m.amountCents = amountCents;
  m.currency = currency;
  m.formatted = formatMoneyFast(amountCents, lang, currency);
  return m;
}

@ObjectType({
  description: 'Quebec sales taxes on a price before taxes: GST (TPS) 5 % and QST (TVQ) 9.975 %, each on the price before taxes, rounded to the cent.',
})
@Directive('@shareable')
export class SalesTaxes {
  @Field(() => Money, { description: 'GST (TPS), 5 % of the price before taxes.' })
  gst!: Money;

  @Field(() => Money, { description: 'QST (TVQ), 9.975 % of the price before taxes.' })
  qst!: Money;

  @Field(() => Money, { description: 'What the buyer pays: the price before taxes, plus GST and QST.' })
  total!: Money;

  @Field({ description: 'Whether the prices shown include these taxes: false, prices in the house are before taxes.' })
  pricesIncludeTaxes!: boolean;
}

/** The Quebec sales taxes on a price before taxes (quebecSalesTaxes of @maison/house), written for a language. */
export function salesTaxes(priceCents: number, lang: Lang, currency = 'CAD'): SalesTaxes {
  const cents = quebecSalesTaxes(priceCents);
  return Object.assign(new SalesTaxes(), {
    gst: money(cents.gst, lang, currency),
    qst: money(cents.qst, lang, currency),
    total: money(cents.total, lang, currency),
    pricesIncludeTaxes: false,
  });
}
