import type { GraphQLCodeEntry } from './code-entry';

/** A malformed argument: the gateway's scalar check (HTTP 400) or a resolver's refusal (inside the answer). */
export const BAD_USER_INPUT_CODE = {
  BAD_USER_INPUT: {
    description:
      'A malformed argument. For a custom scalar, or a text holding NUL (U+0000), the gateway answers before any subgraph is called, and extensions.variable or extensions.argument names it, extensions.scalar its scalar.',
    httpStatus: 400,
    httpNote: '200 when a resolver refuses the argument',
    writtenBy: 'house',
    messages: {
      default: { fr: 'Argument invalide.', en: 'Invalid argument.' },
      SCALAR_VARIABLE: {
        description: 'a variable the custom scalar refuses; {problem} is one of the scalar problems below',
        fr: 'La variable « ${name} » n’est pas un {scalar} valide : {problem}.',
        en: 'Variable "${name}" is not a valid {scalar}: {problem}.',
      },
      SCALAR_ARGUMENT: {
        description: 'an argument written in the document that the custom scalar refuses',
        fr: 'L’argument « {name} » n’est pas un {scalar} valide : {problem}.',
        en: 'Argument "{name}" is not a valid {scalar}: {problem}.',
      },
      NUL_VARIABLE: {
        description: 'a variable holding a text with the NUL character (U+0000), which no text of the house may contain',
        fr: 'La variable « ${name} » contient le caractère NUL (U+0000), refusé dans tout texte.',
        en: 'Variable "${name}" contains the NUL character (U+0000), refused in any text.',
      },
      NUL_ARGUMENT: {
        description: 'an argument written in the document with a text holding the NUL character (U+0000)',
        fr: 'L’argument « {name} » contient le caractère NUL (U+0000), refusé dans tout texte.',
        en: 'Argument "{name}" contains the NUL character (U+0000), refused in any text.',
      },
      SCALAR_VALUE: {
        description: 'a subgraph’s own parse of a custom scalar (the gateway has checked it before)',
        fr: '{scalar} : {problem}',
        en: '{scalar}: {problem}',
      },
      TO_AFTER_FROM: {
        description: 'a range whose end is not after its start',
        fr: 'Argument invalide. « to » doit suivre « from ».',
        en: 'Invalid argument. "to" must be after "from".',
      },
      TO_NOT_BEFORE_FROM: {
        description: 'a range of days whose last day is before its first',
        fr: 'Argument invalide. « to » ne doit pas précéder « from ».',
        en: 'Invalid argument. "to" must not be before "from".',
      },
      CALENDAR_TOO_LONG: {
        description: 'a calendar of more days than it covers',
        fr: 'Argument invalide. Le calendrier couvre au plus {days} jours.',
        en: 'Invalid argument. The calendar covers at most {days} days.',
      },
      WINDOW_TOO_LONG: {
        description: 'a window of time longer than the list allows',
        fr: 'Argument invalide. Fenêtre de {days} jours au plus.',
        en: 'Invalid argument. Window of at most {days} days.',
      },
      DURATION_BETWEEN: {
        description: 'an availability asked for a duration the space does not take',
        fr: 'Argument invalide. durationMinutes : entre {min} et {max} pour cet espace.',
        en: 'Invalid argument. durationMinutes: between {min} and {max} for this space.',
      },
      ID_OR_SLUG: {
        description: 'a lookup by neither or both of id and slug',
        fr: 'Argument invalide. Donnez soit « id », soit « slug ».',
        en: 'Invalid argument. Give either "id" or "slug", not both.',
      },
      NOT_AN_ID: {
        description: 'an id filter that is not an id',
        fr: 'Argument invalide. « {name} » n’est pas un identifiant valide.',
        en: 'Invalid argument. "{name}" is not a valid id.',
      },
      MEMBER_ID_REQUIRED: {
        description: 'ADMIN acting for a member without naming one',
        fr: 'Argument invalide. Précisez memberId.',
        en: 'Invalid argument. Give memberId.',
      },
      SEARCH_LENGTH: {
        description: 'a search of fewer or more characters than a search takes, or with control characters',
        fr: 'Argument invalide. search : {min} à {max} caractères imprimables.',
        en: 'Invalid argument. search: {min} to {max} printable characters.',
      },
      BAD_CURSOR: {
        description: 'a cursor that no page gave',
        fr: 'Argument invalide. after : le curseur « {cursor} » n’est pas valide.',
        en: 'Invalid argument. after: cursor "{cursor}" is not valid.',
      },
      PAGE_SIZE: {
        description: 'a page size out of bounds',
        fr: 'Argument invalide. first : 1..{max}.',
        en: 'Invalid argument. first: 1..{max}.',
      },
      FEED_DATES: {
        description: 'GET /calendar.ics with from or to that is not a date',
        fr: 'from et to doivent être des dates AAAA-MM-JJ.',
        en: 'from and to must be dates YYYY-MM-DD.',
      },
      FEED_LANG: {
        description: 'GET /calendar.ics with a lang the house does not speak',
        fr: 'lang doit valoir fr ou en.',
        en: 'lang must be fr or en.',
      },
    },
  },
} as const satisfies Record<string, GraphQLCodeEntry>;
