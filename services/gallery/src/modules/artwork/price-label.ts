import type { Lang } from '@maison/config';
import { formatMoney } from '@maison/house';

export enum ArtworkAvailability {
  AVAILABLE = 'AVAILABLE',
  SOLD = 'SOLD',
  NOT_FOR_SALE = 'NOT_FOR_SALE',
  ON_LOAN = 'ON_LOAN',
}

const LABELS: Record<Exclude<ArtworkAvailability, ArtworkAvailability.AVAILABLE> | 'ON_REQUEST', Record<Lang, string>> = {
  ON_REQUEST: { fr: 'Prix sur demande', en: 'Price on request' },
  SOLD: { fr: 'Vendue', en: 'Sold' },
  NOT_FOR_SALE: { fr: 'Pas à vendre', en: 'Not for sale' },
  ON_LOAN: { fr: 'En prêt', en: 'On loan' },
};

/** Whether the public sees a price: set, and the work not sold (a sale price stays private). */
export function publicPriceCents(availability: ArtworkAvailability, priceCents: number | null): number | null {
  return availability === ArtworkAvailability.SOLD ? null : priceCents;
}

export function isPriceOnRequest(availability: ArtworkAvailability, priceCents: number | null): boolean {
  return availability === ArtworkAvailability.AVAILABLE && priceCents === null;
}

/** What a label beside the work reads: "1 250,00 $", "Prix sur demande", "Vendue", "Pas à vendre", "En prêt". */
export function priceLabel(availability: ArtworkAvailability, priceCents: number | null, currency: string, lang: Lang): string {
  if (availability !== ArtworkAvailability.AVAILABLE) return LABELS[availability][lang];
  if (priceCents === null) return LABELS.ON_REQUEST[lang];
  return formatMoney(priceCents, lang, currency);
}
