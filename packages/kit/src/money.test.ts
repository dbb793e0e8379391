import 'reflect-metadata';
import { money } from './money';

describe('money', () => {
  it('writes the amount for the language, with the formatter of @maison/house', () => {
    expect(money(2500, 'en').formatted).toBe('$25.00');
    expect(money(125_000, 'fr').formatted).toBe('1\u00a0250,00\u00a0$');
  });

  it('refuses an unknown currency as Intl does', () => {
    expect(() => money(100, 'fr', 'nope')).toThrow(RangeError);
  });
});
