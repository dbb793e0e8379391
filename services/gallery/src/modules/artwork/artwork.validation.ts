import { inputReason, UserErrorCode } from '@maison/errors';
import { cleanText, cleanTexts, invalid, type RuleViolation, type Texts, isWebUrl, slugFault } from '@maison/house';
import { ArtworkAvailability } from './price-label';

/** The bounds of a work's record, the same as the CHECK constraints of migrations 001 and 006. */
export const ARTWORK_BOUNDS = {
  slugMax: 80,
  titleMax: 200,
  mediumMax: 120,
  dimensionsMax: 100,
  imageAltMax: 300,
  firstYear: 1850,
  lastYear: 2100,
  /** 1 000 000,00 $. */
  maxPriceCents: 100_000_000,
} as const;

/** Every field of a work, as given by a create or as merged by an update: what the rules check. */
export interface ArtworkFields {
  slug: string | null;
  title: Texts;
  year: number;
  medium: Texts;
  dimensions: string;
  priceCents: number | null;
  availability: ArtworkAvailability;
  imageUrl: string | null;
  imageAlt: Texts | null;
}

/** What the rules read besides the fields: the asked changes, the year, the stored state. */
export interface ArtworkRuleContext {
  /** The year today in house time: a work is made by next year at the latest. */
  thisYear: number;
  /** priceOnRequest as given (null: not given). */
  priceOnRequest: boolean | null;
  /** Whether priceCents was given by the input (not kept from the stored work). */
  priceAsked: boolean;
  /** Whether availability was given by the input. */
  availabilityAsked: boolean;
  /** The stored work, for an update. */
  stored: { availability: ArtworkAvailability; displayed: boolean } | null;
}

/** The work as it will be stored, cleaned. */
export interface ArtworkDraft {
  slug: string | null;
  titleTexts: Texts;
  year: number;
  mediumTexts: Texts;
  dimensions: string;
  priceCents: number | null;
  availability: ArtworkAvailability;
  imageUrl: string | null;
  imageAltTexts: Texts | null;
}

/** The latest year a work may carry: next year (a work finished for an exhibition announced), within the CHECK. */
export const lastYearFor = (thisYear: number) => Math.min(ARTWORK_BOUNDS.lastYear, thisYear + 1);

/** Checks a work, without the database; `f` is the work as it would be stored. */
export function validateArtwork(f: ArtworkFields, c: ArtworkRuleContext): { draft: ArtworkDraft; violations: RuleViolation[] } {
  const violations: RuleViolation[] = [];
  const slug = f.slug === null ? null : f.slug.trim();
  const badSlug = slug === null ? null : slugFault(slug, ['input', 'slug'], ARTWORK_BOUNDS.slugMax);
  if (badSlug) violations.push(badSlug);
  const title = cleanTexts(f.title, ['input', 'title'], { max: ARTWORK_BOUNDS.titleMax });
  violations.push(...title.violations);
  const lastYear = lastYearFor(c.thisYear);
  if (!Number.isInteger(f.year) || f.year < ARTWORK_BOUNDS.firstYear || f.year > lastYear) {
    violations.push(invalid(['input', 'year'], inputReason('BETWEEN', { min: ARTWORK_BOUNDS.firstYear, max: lastYear })));
  }
  const medium = cleanTexts(f.medium, ['input', 'medium'], { max: ARTWORK_BOUNDS.mediumMax });
  violations.push(...medium.violations);
  const dimensions = cleanText(f.dimensions, ['input', 'dimensions'], ARTWORK_BOUNDS.dimensionsMax);
  if (dimensions.violation) violations.push(dimensions.violation);
  violations.push(...saleViolations(f, c));
  const imageUrl = f.imageUrl?.trim() || null;
  if (imageUrl !== null && !isWebUrl(imageUrl)) violations.push(invalid(['input', 'imageUrl'], inputReason('HTTPS_URL')));
  const imageAlt = f.imageAlt ? cleanTexts(f.imageAlt, ['input', 'imageAlt'], { max: ARTWORK_BOUNDS.imageAltMax }) : null;
  if (imageAlt) violations.push(...imageAlt.violations);
  // Accessibility: an image is described, in French at least.
  if (imageUrl !== null && imageAlt === null) violations.push(invalid(['input', 'imageAlt'], inputReason('REQUIRED_WITH', { other: 'imageUrl' })));
  return {
    draft: {
      slug,
      titleTexts: title.texts,
      year: f.year,
      mediumTexts: medium.texts,
      dimensions: dimensions.text,
      priceCents: f.priceCents,
      availability: f.availability,
      imageUrl,
      imageAltTexts: imageAlt?.texts ?? null,
    },
    violations,
  };
}

/** The price and the availability: a sold work stays sold, a price goes with a work one can buy. */
function saleViolations(f: ArtworkFields, c: ArtworkRuleContext): RuleViolation[] {
  if (c.stored?.availability === ArtworkAvailability.SOLD) {
    // Neither back on sale nor a new price (the price it sold for stays private).
    const resold = (c.availabilityAsked && f.availability !== ArtworkAvailability.SOLD) || c.priceAsked || c.priceOnRequest !== null;
    return resold ? [{ code: UserErrorCode.ALREADY_SOLD, field: ['id'] }] : [];
  }
  const violations: RuleViolation[] = [];
  // A sale is recorded by markArtworkSold (ADMIN), never by a change of the record.
  if (c.availabilityAsked && f.availability === ArtworkAvailability.SOLD) {
    violations.push(invalid(['input', 'availability'], inputReason('ONE_OF', { values: 'AVAILABLE, NOT_FOR_SALE, ON_LOAN' })));
  }
  const price = f.priceCents;
  if (price !== null && (!Number.isInteger(price) || price < 1 || price > ARTWORK_BOUNDS.maxPriceCents)) {
    violations.push(invalid(['input', 'priceCents'], inputReason('BETWEEN', { min: 1, max: ARTWORK_BOUNDS.maxPriceCents })));
  }
  if (c.priceOnRequest === true && c.priceAsked && price !== null) {
    violations.push(invalid(['input', 'priceCents'], inputReason('NOT_WITH', { other: 'priceOnRequest' })));
  } else if (c.priceOnRequest === true && f.availability !== ArtworkAvailability.AVAILABLE) {
    violations.push(invalid(['input', 'priceOnRequest'], inputReason('NOT_WITH', { other: `availability ${f.availability}` })));
  } else if (c.priceOnRequest === false && price === null && f.availability === ArtworkAvailability.AVAILABLE) {
    violations.push(invalid(['input', 'priceCents'], inputReason('REQUIRED_WITH', { other: 'priceOnRequest: false' })));
  }
  if (f.availability === ArtworkAvailability.NOT_FOR_SALE && price !== null) {
    violations.push(invalid(['input', 'priceCents'], inputReason('NOT_WITH', { other: 'NOT_FOR_SALE' })));
  }
  if (f.availability === ArtworkAvailability.ON_LOAN && c.stored?.displayed) {
    violations.push(invalid(['input', 'availability'], inputReason('NOT_WITH', { other: 'displayedIn' })));
  }
  return violations;
}
