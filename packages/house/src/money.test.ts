import { formatMoney, quebecSalesTaxes, taxCents, QUEBEC_SALES_TAXES } from './money';

describe('Quebec sales taxes', () => {
  it('computes GST 5 % and QST 9.975 % on the price before taxes: 25,00 $ → 1,25 $ + 2,49 $ = 28,74 $', () => {
    expect(quebecSalesTaxes(2500)).toEqual({ gst: 125, qst: 249, total: 2874 });
    expect(formatMoney(quebecSalesTaxes(2500).total, 'fr')).toBe('28,74\u00a0$');
    expect(formatMoney(quebecSalesTaxes(2500).total, 'en')).toBe('$28.74');
  });

  it('gives the house plans their taxes', () => {
    expect(quebecSalesTaxes(20000)).toEqual({ gst: 1000, qst: 1995, total: 22995 });
    expect(quebecSalesTaxes(15000)).toEqual({ gst: 750, qst: 1496, total: 17246 });
    expect(quebecSalesTaxes(27500)).toEqual({ gst: 1375, qst: 2743, total: 31618 });
  });

  it('rounds each tax to the cent, half up, on integer cents', () => {
    // 10 ¢ × 5 % = 0.5 ¢ → 1 ¢; 30 ¢ × 5 % = 1.5 ¢ → 2 ¢; 9 ¢ × 5 % = 0.45 ¢ → 0 ¢.
    expect(taxCents(10, QUEBEC_SALES_TAXES.gst)).toBe(1);
    expect(taxCents(30, QUEBEC_SALES_TAXES.gst)).toBe(2);
    expect(taxCents(9, QUEBEC_SALES_TAXES.gst)).toBe(0);
    // 200 ¢ × 9.975 % = 19.95 ¢ → 20 ¢; 5 ¢ × 9.975 % = 0.49875 ¢ → 0 ¢; 1000 ¢ → 99.75 ¢ → 100 ¢.
    expect(taxCents(200, QUEBEC_SALES_TAXES.qst)).toBe(20);
    expect(taxCents(5, QUEBEC_SALES_TAXES.qst)).toBe(0);
    expect(taxCents(1000, QUEBEC_SALES_TAXES.qst)).toBe(100);
    // Where floating point would err: 1,15 $ × 5 % is 5.75 ¢ → 6 ¢.
    expect(taxCents(115, QUEBEC_SALES_TAXES.gst)).toBe(6);
  });

  it('is exact at the largest plan price and zero on a free plan', () => {
    expect(quebecSalesTaxes(1_000_000)).toEqual({ gst: 50_000, qst: 99_750, total: 1_149_750 });
    expect(quebecSalesTaxes(0)).toEqual({ gst: 0, qst: 0, total: 0 });
  });

  it('refuses amounts that are not whole non-negative cents', () => {
    expect(() => taxCents(-1, QUEBEC_SALES_TAXES.gst)).toThrow(RangeError);
    expect(() => taxCents(1.5, QUEBEC_SALES_TAXES.gst)).toThrow(RangeError);
  });
});

describe('formatMoney', () => {
  it('writes every amount as a new Intl.NumberFormat would, in both languages and several currencies (its formatters are kept)', () => {
    for (const lang of ['fr', 'en'] as const)
      for (const currency of ['CAD', 'USD', 'EUR'])
        for (const cents of [0, 1, 99, 100, 12_345, 125_000, 99_999_999]) {
          const fresh = new Intl.NumberFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', { style: 'currency', currency }).format(cents / 100);
          expect({ lang, currency, cents, text: formatMoney(cents, lang, currency) }).toEqual({ lang, currency, cents, text: fresh });
        }
  });

  it('refuses an unknown currency as Intl does', () => {
    expect(() => formatMoney(100, 'fr', 'nope')).toThrow(RangeError);
  });
});
