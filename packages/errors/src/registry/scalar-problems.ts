import type { Message } from './message';

/** Why a value is not one of the custom scalars: the {problem} of BAD_USER_INPUT's scalar messages. */
export const SCALAR_PROBLEMS = {
  DATE_TIME_FORMAT: {
    fr: 'un DateTime est une date et heure ISO 8601 avec son décalage horaire, par exemple 2026-11-26T10:00:00-05:00',
    en: 'a DateTime is an ISO 8601 date and time with its offset, e.g. 2026-11-26T10:00:00-05:00',
  },
  DATE_TIME_INVALID: { fr: '{value} n’est pas une date et heure valide', en: '{value} is not a valid date and time' },
  LOCAL_DATE_INVALID: { fr: '{value} n’est pas une date AAAA-MM-JJ du calendrier', en: '{value} is not a calendar date YYYY-MM-DD' },
  LOCAL_DATE_YEAR: {
    fr: '{value} est hors des années 0001 à 9999 que la maison enregistre',
    en: '{value} is outside the years 0001 to 9999 the house records',
  },
  LOCAL_DATE_NOT_TEXT: { fr: 'la valeur n’est pas une date AAAA-MM-JJ du calendrier', en: 'the value is not a calendar date YYYY-MM-DD' },
} as const satisfies Record<string, Message>;

export type ScalarProblemKey = keyof typeof SCALAR_PROBLEMS;
