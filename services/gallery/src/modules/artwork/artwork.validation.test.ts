import { ArtworkAvailability } from './price-label';
import { lastYearFor, validateArtwork, type ArtworkFields, type ArtworkRuleContext } from './artwork.validation';

const work: ArtworkFields = {
  slug: null,
  title: { fr: 'Battures' },
  year: 2024,
  medium: { fr: 'Huile sur toile' },
  dimensions: '61 × 76 cm',
  priceCents: null,
  availability: ArtworkAvailability.AVAILABLE,
  imageUrl: null,
  imageAlt: null,
};
const creating: ArtworkRuleContext = { thisYear: 2026, priceOnRequest: null, priceAsked: false, availabilityAsked: true, stored: null };
const faults = (f: Partial<ArtworkFields>, c: Partial<ArtworkRuleContext> = {}) =>
  validateArtwork({ ...work, ...f }, { ...creating, ...c }).violations.map((v) => [v.code, (v.field ?? []).join('.'), v.params?.reason ?? null]);

describe('the rules of a work', () => {
  it('accepts a plain work and cleans its texts', () => {
    const { draft, violations } = validateArtwork({ ...work, title: { fr: ' Battures ', en: ' ' }, dimensions: ' 10 × 10 cm ' }, creating);
    expect(violations).toEqual([]);
    expect(draft).toMatchObject({ titleTexts: { fr: 'Battures' }, dimensions: '10 × 10 cm' });
  });

  it('takes years from 1850 to next year, within the CHECK of migration 001', () => {
    expect(lastYearFor(2026)).toBe(2027);
    expect(lastYearFor(2100)).toBe(2100);
    expect(faults({ year: 1850 })).toEqual([]);
    expect(faults({ year: 2027 })).toEqual([]);
    expect(faults({ year: 1849 })).toEqual([['INVALID_INPUT', 'input.year', 'BETWEEN']]);
    expect(faults({ year: 2028 })).toEqual([['INVALID_INPUT', 'input.year', 'BETWEEN']]);
    expect(faults({ year: 2000.5 })).toEqual([['INVALID_INPUT', 'input.year', 'BETWEEN']]);
  });

  it('bounds the dimensions (1 to 100 characters, printable) and the price (1 cent to 1 000 000 $)', () => {
    expect(faults({ dimensions: 'd'.repeat(100) })).toEqual([]);
    expect(faults({ dimensions: 'd'.repeat(101) })).toEqual([['INVALID_INPUT', 'input.dimensions', 'LENGTH_BETWEEN']]);
    expect(faults({ dimensions: '10\n10' })).toEqual([['INVALID_INPUT', 'input.dimensions', 'CONTROL_CHARACTERS']]);
    expect(faults({ priceCents: 1 })).toEqual([]);
    expect(faults({ priceCents: 100_000_000 })).toEqual([]);
    expect(faults({ priceCents: 0 })).toEqual([['INVALID_INPUT', 'input.priceCents', 'BETWEEN']]);
    expect(faults({ priceCents: 100_000_001 })).toEqual([['INVALID_INPUT', 'input.priceCents', 'BETWEEN']]);
  });

  it('keeps a price apart from priceOnRequest and from NOT_FOR_SALE; priceOnRequest false needs a price', () => {
    expect(faults({ priceCents: 500 }, { priceOnRequest: true, priceAsked: true })).toEqual([['INVALID_INPUT', 'input.priceCents', 'NOT_WITH']]);
    expect(faults({}, { priceOnRequest: true })).toEqual([]);
    expect(faults({ availability: ArtworkAvailability.ON_LOAN }, { priceOnRequest: true })).toEqual([['INVALID_INPUT', 'input.priceOnRequest', 'NOT_WITH']]);
    expect(faults({}, { priceOnRequest: false })).toEqual([['INVALID_INPUT', 'input.priceCents', 'REQUIRED_WITH']]);
    expect(faults({ priceCents: 500, availability: ArtworkAvailability.NOT_FOR_SALE })).toEqual([['INVALID_INPUT', 'input.priceCents', 'NOT_WITH']]);
    expect(faults({ priceCents: 500, availability: ArtworkAvailability.ON_LOAN })).toEqual([]);
  });

  it('keeps a sold work sold: no availability but SOLD, no price, no priceOnRequest (ALREADY_SOLD); its texts may change', () => {
    const sold = { stored: { availability: ArtworkAvailability.SOLD, displayed: false }, availabilityAsked: false };
    expect(faults({ availability: ArtworkAvailability.SOLD, priceCents: 9000, title: { fr: 'Autre' } }, sold)).toEqual([]);
    expect(faults({ availability: ArtworkAvailability.AVAILABLE }, { ...sold, availabilityAsked: true })).toEqual([['ALREADY_SOLD', 'id', null]]);
    expect(faults({ availability: ArtworkAvailability.SOLD, priceCents: 100 }, { ...sold, priceAsked: true })).toEqual([['ALREADY_SOLD', 'id', null]]);
    expect(faults({ availability: ArtworkAvailability.SOLD }, { ...sold, priceOnRequest: false })).toEqual([['ALREADY_SOLD', 'id', null]]);
  });

  it('records no sale: SOLD only through markArtworkSold, but kept by a change of a sold work', () => {
    expect(faults({ availability: ArtworkAvailability.SOLD })).toEqual([['INVALID_INPUT', 'input.availability', 'ONE_OF']]);
    const sold = { stored: { availability: ArtworkAvailability.SOLD, displayed: false } };
    expect(faults({ availability: ArtworkAvailability.SOLD }, sold)).toEqual([]);
  });

  it('never lends a work on display (ON_LOAN is away from the house)', () => {
    const displayed = { stored: { availability: ArtworkAvailability.AVAILABLE, displayed: true } };
    expect(faults({ availability: ArtworkAvailability.ON_LOAN }, displayed)).toEqual([['INVALID_INPUT', 'input.availability', 'NOT_WITH']]);
    expect(faults({ availability: ArtworkAvailability.ON_LOAN }, { stored: { availability: ArtworkAvailability.AVAILABLE, displayed: false } })).toEqual([]);
  });

  it('takes https images only, each described in French (accessibility)', () => {
    const alt = { fr: 'Une grève à marée basse' };
    expect(faults({ imageUrl: 'https://images.example/a.jpg', imageAlt: alt })).toEqual([]);
    expect(faults({ imageUrl: 'https://images.example/a.jpg' })).toEqual([['INVALID_INPUT', 'input.imageAlt', 'REQUIRED_WITH']]);
    expect(faults({ imageUrl: 'https://images.example/a.jpg', imageAlt: { fr: ' ', en: 'Shore' } })).toEqual([
      ['INVALID_INPUT', 'input.imageAlt.fr', 'FRENCH_REQUIRED'],
    ]);
    for (const url of [
      'http://images.example/a.jpg',
      'HTTPS://images.example/a.jpg',
      'javascript:alert(1)',
      'https://',
      `https://x.example/${'a'.repeat(2000)}`,
    ]) {
      expect({ url, faults: faults({ imageUrl: url, imageAlt: alt }) }).toEqual({ url, faults: [['INVALID_INPUT', 'input.imageUrl', 'HTTPS_URL']] });
    }
  });

  it('takes a slug of a-z, 0-9 and single hyphens, at most 80', () => {
    expect(faults({ slug: 'battures-2' })).toEqual([]);
    for (const slug of ['Battures', '-b', 'a--b', 'x'.repeat(81)]) expect(faults({ slug })).toEqual([['INVALID_INPUT', 'input.slug', 'SLUG_FORMAT']]);
  });
});
