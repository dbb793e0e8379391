import { Directive, Field, Int, ObjectType } from 'type-graphql';
import type { Lang } from '@maison/config';
import { formatMoney } from '@maison/house';

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
