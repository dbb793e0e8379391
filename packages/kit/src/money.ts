import { Directive, Field, Int, ObjectType } from 'type-graphql';
import type { Lang } from '@maison/config';

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

export function money(amountCents: number, lang: Lang, currency = 'CAD'): Money {
  const m = new Money();
  m.amountCents = amountCents;
  m.currency = currency;
  m.formatted = new Intl.NumberFormat(LOCALES[lang], { style: 'currency', currency }).format(amountCents / 100);
  return m;
}
