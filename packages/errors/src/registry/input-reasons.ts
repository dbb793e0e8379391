import type { Message } from './message';

/**
 * Why a field is INVALID_INPUT: the {reason} of its message, in the caller's language. A rule
 * names one with inputReason('MAX_CHARACTERS', { max: 200 }); userError() puts it into words.
 */
export const INPUT_REASONS = {
  FRENCH_REQUIRED: { fr: 'le français est requis', en: 'French is required' },
  LENGTH_BETWEEN: { fr: '{min} à {max} caractères', en: '{min} to {max} characters' },
  PRINTABLE_LENGTH_BETWEEN: { fr: '{min} à {max} caractères imprimables', en: '{min} to {max} printable characters' },
  MAX_CHARACTERS: { fr: '{max} caractères au plus', en: 'at most {max} characters' },
  CONTROL_CHARACTERS: { fr: 'caractères de contrôle', en: 'control characters' },
  INVALID_CHARACTERS: { fr: 'caractères invalides', en: 'invalid characters' },
  AT_LEAST: { fr: '≥ {min}', en: '≥ {min}' },
  BETWEEN: { fr: '{min} – {max}', en: '{min} – {max}' },
  AT_MOST_ITEMS: { fr: '{max} au plus', en: 'at most {max}' },
  AT_LEAST_CONFIRMED_SEATS: { fr: '≥ {confirmed} (places confirmées)', en: '≥ {confirmed} (confirmed seats)' },
  MAX_DAYS_AHEAD: { fr: 'au plus {days} jours à l’avance', en: 'at most {days} days ahead' },
  SAME_DAY: { fr: 'même jour', en: 'same day' },
  UUID: { fr: 'UUID', en: 'UUID' },
  REQUIRED_WITH: { fr: 'requis avec {other}', en: 'required with {other}' },
  EXACTLY_ONE_OF_THEM: { fr: 'exactement un des deux', en: 'exactly one of them' },
  ONE_VENUE: { fr: 'un lieu : sharedSpaceId ou room', en: 'exactly one venue: sharedSpaceId or room' },
  SLUG_FORMAT: { fr: 'a-z, 0-9 et traits d’union, {max} au plus', en: 'a-z, 0-9 and hyphens, at most {max}' },
  ISO_WEEKDAYS: {
    fr: '{min} à {max} jours ISO distincts, de 1 (lundi) à 7 (dimanche)',
    en: '{min} to {max} distinct ISO weekdays, from 1 (Monday) to 7 (Sunday)',
  },
  HTTPS_URL: { fr: 'URL https://', en: 'an https:// URL' },
  REQUIRED: { fr: 'requis', en: 'required' },
  HH_MM: { fr: 'une heure HH:MM (00:00 à 23:59 ; 24:00 pour une fermeture)', en: 'a time HH:MM (00:00 to 23:59; 24:00 for a closing)' },
  MONTH_DAY: { fr: 'un jour MM-JJ qui existe (01-01 à 12-31, 02-29 au plus en février)', en: 'a real day MM-DD (01-01 to 12-31, 02-29 at most in February)' },
  BEFORE_OTHER: { fr: 'avant {other}', en: 'before {other}' },
  AT_LEAST_OTHER: { fr: '≥ {other}', en: '≥ {other}' },
  AT_MOST_OTHER: { fr: '≤ {other}', en: '≤ {other}' },
  ONE_OF: { fr: 'une de ces valeurs : {values}', en: 'one of {values}' },
  NOT_WITH: { fr: 'pas en même temps que {other}', en: 'not together with {other}' },
  OPENING_RANGES_OVERLAP: { fr: 'plages du même jour qui se chevauchent', en: 'ranges of the same weekday overlap' },
  HTTP_URL: { fr: 'URL http:// ou https://, {max} caractères au plus', en: 'an http:// or https:// URL, at most {max} characters' },
  EMAIL: { fr: 'une adresse courriel (nom@domaine.ca), {max} caractères au plus', en: 'an email address (name@domain.ca), at most {max} characters' },
  PHONE: {
    fr: 'un numéro de téléphone : chiffres, espaces, ( ) . - et un + au début, 7 à 25 caractères',
    en: 'a phone number: digits, spaces, ( ) . - and a leading +, 7 to 25 characters',
  },
  VERNISSAGE_WINDOW: { fr: 'de {days} jours avant startsOn jusqu’à endsOn', en: 'from {days} days before startsOn to endsOn' },
  NOT_IN_FUTURE: { fr: 'pas dans le futur', en: 'not in the future' },
} as const satisfies Record<string, Message>;

export type InputReason = keyof typeof INPUT_REASONS;
