import type { Lang } from '@maison/config';

/**
 * The calendar feed's own words: data of the feed (its description, the categories and title
 * prefixes of its entries), not error messages, so they stay here rather than in the registry of
 * codes and messages (@maison/errors), which holds the feed's errors.
 */
export interface FeedTexts {
  description: string;
  exhibition: string;
  vernissage: string;
  event: string;
  booking: string;
  /** Between a category and a title: French puts a space before the colon. */
  titleSeparator: string;
}

/** The feed's name, a proper noun in both languages. */
export const FEED_NAME = 'La Maison — Saint-Jean-Port-Joli';

export const FEED_TEXTS: Record<Lang, FeedTexts> = {
  fr: {
    description: 'Expositions, vernissages, événements et réservations publiques de la maison',
    exhibition: 'Exposition',
    vernissage: 'Vernissage',
    event: 'Espace KO',
    booking: 'Réservation',
    titleSeparator: ' : ',
  },
  en: {
    description: 'Exhibitions, openings, events and public bookings of the house',
    exhibition: 'Exhibition',
    vernissage: 'Opening',
    event: 'Espace KO',
    booking: 'Booking',
    titleSeparator: ': ',
  },
};
