import { Directive, Field, Int, ObjectType } from 'type-graphql';
import type { Lang } from '@maison/config';
import { formatMoney, quebecSalesTaxes } from '@maison/house';

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

export function money(amountCents: number, lang: Lang, currency = 'CAD'): Money {
  const m = new Money();
  m.amountCents = amountCents;
  m.currency = currency;
  m.formatted = formatMoney(amountCents, lang, currency);
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
