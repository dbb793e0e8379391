import { ArtworkAvailability, isPriceOnRequest, priceLabel, publicPriceCents } from './price-label';

describe('the price label beside a work', () => {
  it('shows the price of a work for sale, formatted for the language', () => {
    expect(priceLabel(ArtworkAvailability.AVAILABLE, 125000, 'CAD', 'fr')).toBe('1\u00a0250,00\u00a0$');
    expect(priceLabel(ArtworkAvailability.AVAILABLE, 125000, 'CAD', 'en')).toBe('$1,250.00');
  });

  it('says "on request" for a work for sale without a price, and names every other availability', () => {
    const labels = (lang: 'fr' | 'en') => [
      priceLabel(ArtworkAvailability.AVAILABLE, null, 'CAD', lang),
      priceLabel(ArtworkAvailability.SOLD, 125000, 'CAD', lang),
      priceLabel(ArtworkAvailability.NOT_FOR_SALE, null, 'CAD', lang),
      priceLabel(ArtworkAvailability.ON_LOAN, 90000, 'CAD', lang),
    ];
    expect(labels('fr')).toEqual(['Prix sur demande', 'Vendue', 'Pas à vendre', 'En prêt']);
    expect(labels('en')).toEqual(['Price on request', 'Sold', 'Not for sale', 'On loan']);
  });

  it('keeps the price of a sold work private and flags only works for sale as on request', () => {
    expect(publicPriceCents(ArtworkAvailability.SOLD, 125000)).toBeNull();
    expect(publicPriceCents(ArtworkAvailability.ON_LOAN, 90000)).toBe(90000);
    expect(isPriceOnRequest(ArtworkAvailability.AVAILABLE, null)).toBe(true);
    expect(isPriceOnRequest(ArtworkAvailability.AVAILABLE, 100)).toBe(false);
    expect(isPriceOnRequest(ArtworkAvailability.NOT_FOR_SALE, null)).toBe(false);
  });
});
