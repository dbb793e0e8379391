import type { Message } from './message';

/**
 * The codes of expected outcomes, reported in `userErrors`. Each has a stable name (the contract
 * with front ends), a description for the schema, and a message in French and English.
 * Messages may use {placeholders} filled from the params of userError(); INVALID_INPUT's
 * {reason} is one of INPUT_REASONS (input-reasons.ts), put into the caller's language.
 */
export enum UserErrorCode {
  INVALID_INPUT = 'INVALID_INPUT',
  INVALID_RANGE = 'INVALID_RANGE',
  NOT_FOUND = 'NOT_FOUND',
  SLOT_UNAVAILABLE = 'SLOT_UNAVAILABLE',
  OUTSIDE_OPENING_HOURS = 'OUTSIDE_OPENING_HOURS',
  OUT_OF_SEASON = 'OUT_OF_SEASON',
  TOO_SHORT = 'TOO_SHORT',
  TOO_LONG = 'TOO_LONG',
  TOO_FAR_AHEAD = 'TOO_FAR_AHEAD',
  TOO_LATE = 'TOO_LATE',
  IN_THE_PAST = 'IN_THE_PAST',
  OVER_CAPACITY = 'OVER_CAPACITY',
  QUOTA_EXCEEDED = 'QUOTA_EXCEEDED',
  NOT_ELIGIBLE = 'NOT_ELIGIBLE',
  UNKNOWN_HOLDER = 'UNKNOWN_HOLDER',
  ALREADY_CANCELLED = 'ALREADY_CANCELLED',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  RANGE_TOO_LONG = 'RANGE_TOO_LONG',
  MEMBERSHIP_REQUIRED = 'MEMBERSHIP_REQUIRED',
  MEMBERSHIP_OVERLAP = 'MEMBERSHIP_OVERLAP',
  SPACE_FULL = 'SPACE_FULL',
  ALREADY_CHECKED_IN = 'ALREADY_CHECKED_IN',
  NOT_CHECKED_IN = 'NOT_CHECKED_IN',
  MEMBERS_ONLY = 'MEMBERS_ONLY',
  ALREADY_REGISTERED = 'ALREADY_REGISTERED',
  EVENT_CANCELLED = 'EVENT_CANCELLED',
  NOT_AVAILABLE = 'NOT_AVAILABLE',
  ALREADY_ASSIGNED = 'ALREADY_ASSIGNED',
  SLUG_TAKEN = 'SLUG_TAKEN',
  ALREADY_ARCHIVED = 'ALREADY_ARCHIVED',
  ALREADY_ENDED = 'ALREADY_ENDED',
  ARTWORK_ON_LOAN = 'ARTWORK_ON_LOAN',
  ARTWORK_IN_OTHER_EXHIBITION = 'ARTWORK_IN_OTHER_EXHIBITION',
  ARTIST_WORKS_SHOWN = 'ARTIST_WORKS_SHOWN',
  EMAIL_TAKEN = 'EMAIL_TAKEN',
  MEMBER_DEACTIVATED = 'MEMBER_DEACTIVATED',
  ALREADY_DEACTIVATED = 'ALREADY_DEACTIVATED',
  NOT_DEACTIVATED = 'NOT_DEACTIVATED',
  NOT_A_PLAN_DAY = 'NOT_A_PLAN_DAY',
  PLAN_OFF_SALE = 'PLAN_OFF_SALE',
  ALREADY_SOLD = 'ALREADY_SOLD',
  IN_EXHIBITION = 'IN_EXHIBITION',
  ALREADY_RETIRED = 'ALREADY_RETIRED',
}

export interface UserErrorEntry extends Message {
  readonly description: string;
}

/** The description of the enum UserErrorCode in the schema. */
export const USER_ERROR_CODE_DESCRIPTION = 'Stable codes of expected outcomes, reported in userErrors.';

export const USER_ERROR_CODES: Record<UserErrorCode, UserErrorEntry> = {
  INVALID_INPUT: {
    description: 'A field of the input is malformed or out of bounds.',
    fr: 'La valeur de « {field} » est invalide : {reason}.',
    en: 'The value of "{field}" is invalid: {reason}.',
  },
  INVALID_RANGE: {
    description: 'The end of a time range is not after its start.',
    fr: 'La fin doit être postérieure au début.',
    en: 'The end must be after the start.',
  },
  NOT_FOUND: {
    description: 'The object named by the input does not exist or is not visible to the caller.',
    fr: 'Introuvable.',
    en: 'Not found.',
  },
  SLOT_UNAVAILABLE: {
    description: 'Another booking, an event or a closure already occupies this time.',
    fr: 'Ce créneau est déjà pris.',
    en: 'This time slot is already taken.',
  },
  OUTSIDE_OPENING_HOURS: {
    description:
      'The requested time falls outside the opening hours of the space: a booking, or the hold of an event or a vernissage (unless ADMIN gives spaceRulesOverride).',
    fr: 'Ce créneau est en dehors des heures d’ouverture.',
    en: 'This time is outside the opening hours.',
  },
  OUT_OF_SEASON: {
    description: 'The space is closed for the season on this date: a booking, or the hold of an event or a vernissage (unless ADMIN gives spaceRulesOverride).',
    fr: 'Cet espace est fermé pour la saison à cette date.',
    en: 'This space is closed for the season on that date.',
  },
  TOO_SHORT: {
    description: 'The booking is shorter than the minimum duration of the space.',
    fr: 'La durée minimale est de {minutes} minutes.',
    en: 'The minimum duration is {minutes} minutes.',
  },
  TOO_LONG: {
    description: 'The booking is longer than the maximum duration of the space.',
    fr: 'La durée maximale est de {minutes} minutes.',
    en: 'The maximum duration is {minutes} minutes.',
  },
  TOO_FAR_AHEAD: {
    description: 'The booking starts beyond the booking horizon of the space (bookings only: the hold of an event or a vernissage has no horizon).',
    fr: 'On ne peut réserver que {days} jours à l’avance.',
    en: 'Bookings open only {days} days ahead.',
  },
  TOO_LATE: {
    description: 'The minimum notice or the cancellation cut-off has passed.',
    fr: 'Il est trop tard pour cette opération.',
    en: 'It is too late for this operation.',
  },
  IN_THE_PAST: {
    description: 'The requested time has already begun.',
    fr: 'Ce moment est déjà passé.',
    en: 'This time is in the past.',
  },
  OVER_CAPACITY: {
    description:
      'More attendees than the space holds: a booking, or an event (its capacity) or a vernissage (its expectedAttendees) held there (unless ADMIN gives spaceRulesOverride).',
    fr: 'Cet espace accueille au plus {capacity} personnes.',
    en: 'This space holds at most {capacity} people.',
  },
  QUOTA_EXCEEDED: {
    description: 'The holder has used up the weekly quota of hours for this space (bookings only: never the hold of an event or a vernissage).',
    fr: 'Votre quota hebdomadaire pour cet espace est atteint.',
    en: 'Your weekly quota for this space is used up.',
  },
  NOT_ELIGIBLE: {
    description: 'The caller may not perform this action on this space or event.',
    fr: 'Vous n’êtes pas admissible à cette réservation.',
    en: 'You are not eligible for this booking.',
  },
  UNKNOWN_HOLDER: {
    description: 'The tenant, member or artist named by the token (or by holderId) does not exist or is archived: nobody can act as it.',
    fr: 'Le locataire, le membre ou l’artiste nommé par votre jeton n’existe pas ou est archivé.',
    en: 'The tenant, member or artist named by your token does not exist or is archived.',
  },
  ALREADY_CANCELLED: {
    description: 'The object was already cancelled.',
    fr: 'Déjà annulé.',
    en: 'Already cancelled.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    description: 'The idempotency key was already used with different details.',
    fr: 'Cette clé d’idempotence a déjà servi pour une autre demande.',
    en: 'This idempotency key was already used for a different request.',
  },
  RANGE_TOO_LONG: {
    description: 'The requested date range is longer than allowed.',
    fr: 'La période demandée dépasse {days} jours.',
    en: 'The requested period exceeds {days} days.',
  },
  MEMBERSHIP_REQUIRED: {
    description: 'Checking in needs a membership valid today: a day pass, a 10-day card with days left, or a monthly plan.',
    fr: 'Il faut un abonnement valide aujourd’hui : passe d’un jour, carte avec des jours restants ou abonnement mensuel.',
    en: 'A membership valid today is required: a day pass, a card with days left or a monthly plan.',
  },
  MEMBERSHIP_OVERLAP: {
    description: 'The member already holds this plan for some of these dates.',
    fr: 'Ce membre a déjà ce forfait pour ces dates.',
    en: 'This member already has this plan for these dates.',
  },
  SPACE_FULL: {
    description: 'Espace KO is at capacity: every seat is taken right now.',
    fr: 'L’Espace KO est complet ({capacity} places).',
    en: 'Espace KO is full ({capacity} seats).',
  },
  ALREADY_CHECKED_IN: {
    description: 'The member is already checked in at Espace KO.',
    fr: 'Ce membre est déjà sur place : il faut d’abord pointer son départ.',
    en: 'This member is already checked in: check out first.',
  },
  NOT_CHECKED_IN: {
    description: 'The member is not checked in at Espace KO.',
    fr: 'Ce membre n’est pas sur place.',
    en: 'This member is not checked in.',
  },
  MEMBERS_ONLY: {
    description: 'The event is for members with an active membership only.',
    fr: 'Cet événement est réservé aux membres actifs de l’Espace KO.',
    en: 'This event is for active members of Espace KO only.',
  },
  ALREADY_REGISTERED: {
    description: 'The caller is already registered (confirmed or waitlisted) for this event.',
    fr: 'Vous êtes déjà inscrit à cet événement.',
    en: 'You are already registered for this event.',
  },
  EVENT_CANCELLED: {
    description: 'The event was cancelled.',
    fr: 'Cet événement est annulé.',
    en: 'This event is cancelled.',
  },
  NOT_AVAILABLE: {
    description: 'The artwork is not available for sale: already sold, not for sale, on loan, or retired from the catalogue.',
    fr: 'Cette œuvre n’est pas disponible à la vente.',
    en: 'This work is not available for sale.',
  },
  ALREADY_ASSIGNED: {
    description: 'The artist is already assigned to this studio for some of these dates.',
    fr: 'Cet artiste est déjà affecté à cet atelier pour une partie de ces dates.',
    en: 'This artist is already assigned to this studio for some of these dates.',
  },
  SLUG_TAKEN: {
    description: 'Another object of the same kind already has this slug: slugs are unique.',
    fr: 'Ce nom court est déjà pris.',
    en: 'This short name is already taken.',
  },
  ALREADY_ARCHIVED: {
    description: 'The tenant is archived: it keeps its history but can no longer be changed, archived again or given an office.',
    fr: 'Ce locataire est archivé.',
    en: 'This tenant is archived.',
  },
  ALREADY_ENDED: {
    description: 'The office has already ended (its endsOn has come): it cannot be ended again.',
    fr: 'Ce bureau a déjà pris fin.',
    en: 'This office has already ended.',
  },
  ARTWORK_ON_LOAN: {
    description: 'The artwork is on loan, away from the house: it cannot be placed anywhere in the house.',
    fr: 'Cette œuvre est prêtée hors de la maison : elle ne peut pas y être placée.',
    en: 'This work is on loan away from the house: it cannot be placed there.',
  },
  ARTWORK_IN_OTHER_EXHIBITION: {
    description: 'The artwork is already in another exhibition whose days overlap these ones; params: title, that exhibition’s title.',
    fr: 'Cette œuvre est déjà dans l’exposition « {title} », dont les dates chevauchent celles-ci.',
    en: 'This work is already in the exhibition "{title}", whose dates overlap these ones.',
  },
  ARTIST_WORKS_SHOWN: {
    description: 'Works of the artist are still in the exhibition: remove them before the artist.',
    fr: 'Des œuvres de cet artiste sont encore dans l’exposition : retirez-les d’abord.',
    en: 'Works by this artist are still in the exhibition: remove them first.',
  },
  EMAIL_TAKEN: {
    description: 'Another member of Espace KO already has this email (whatever its case).',
    fr: 'Un autre membre utilise déjà cette adresse courriel.',
    en: 'Another member already uses this email address.',
  },
  MEMBER_DEACTIVATED: {
    description: 'The member is deactivated: their history stays, but they may not check in, register for events, book or change their profile.',
    fr: 'Ce membre est désactivé.',
    en: 'This member is deactivated.',
  },
  ALREADY_DEACTIVATED: {
    description: 'The member is already deactivated.',
    fr: 'Ce membre est déjà désactivé.',
    en: 'This member is already deactivated.',
  },
  NOT_DEACTIVATED: {
    description: 'The member is active: there is nothing to reactivate.',
    fr: 'Ce membre est actif : rien à réactiver.',
    en: 'This member is active: there is nothing to reactivate.',
  },
  NOT_A_PLAN_DAY: {
    description: 'The member’s plan does not allow coming today (a part-time plan lists its ISO weekdays, 1 = Monday).',
    fr: 'Votre forfait ne permet pas de venir ce jour-là (jours permis, 1 = lundi : {days}).',
    en: 'Your plan does not allow coming on this day (allowed days, 1 = Monday: {days}).',
  },
  PLAN_OFF_SALE: {
    description: 'The plan is no longer on sale: nobody may buy it.',
    fr: 'Ce forfait n’est plus en vente.',
    en: 'This plan is no longer on sale.',
  },
  ALREADY_SOLD: {
    description: 'The artwork is sold: it cannot be put on sale again, nor given a new price.',
    fr: 'Cette œuvre est vendue : elle ne peut pas être remise en vente.',
    en: 'This work is sold: it cannot be put on sale again.',
  },
  IN_EXHIBITION: {
    description: 'The artwork is shown in a current or upcoming exhibition ({exhibition}, its slug): take it out of the exhibition first.',
    fr: 'Cette œuvre fait partie de l’exposition « {exhibition} » : retirez-la d’abord de l’exposition.',
    en: 'This work is part of the exhibition "{exhibition}": take it out of the exhibition first.',
  },
  ALREADY_RETIRED: {
    description: 'The artwork is retired from the catalogue: it can no longer be changed or retired again.',
    fr: 'Cette œuvre est retirée du catalogue.',
    en: 'This work is retired from the catalogue.',
  },
};
