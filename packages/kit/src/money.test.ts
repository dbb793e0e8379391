import 'reflect-metadata';
import { formatMoney } from '@maison/house';
import { formatMoneyFast, money } from './money';

describe('formatMoneyFast', () => {
  it('writes every amount as formatMoney of @maison/house does, in both languages and several currencies', () => {
    for (const lang of ['fr', 'en'] as const)
      for (const currency of ['CAD', 'USD', 'EUR'])
        for (const cents of [0, 1, 99, 100, 12_345, 125_000, 99_999_999]) {
          expect({ lang, currency, cents, text: formatMoneyFast(cents, lang, currency) }).toEqual({
            lang,
            currency,
            cents,
            text: formatMoney(cents, lang, currency),
          });
        }
    expect(formatMoneyFast(125_000, 'fr')).toBe(formatMoney(125_000, 'fr'));
    expect(money(2500, 'en').formatted).toBe('$25.00');
  });

  it('refuses an unknown currency as Intl does', () => {
    expect(() => formatMoneyFast(100, 'fr', 'nope')).toThrow(RangeError);
  });
});
