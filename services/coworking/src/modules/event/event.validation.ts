import { UserErrorCode } from '@maison/errors';
import { isUuid, type Texts } from '@maison/house';
import type { RuleViolation } from '../../outcome';
import type { CoworkingEventKind } from './coworking-event.entity';

export const MAX_CAPACITY = 1000;
export const MAX_DURATION_MINUTES = 24 * 60;

/** The fields of an event as they will be stored. */
export interface EventFields {
  kind: CoworkingEventKind;
  title: Texts;
  description: Texts | null;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  membersOnly: boolean;
  spaceId: string | null;
  room: Texts | null;
}

// Control characters (C0, DEL, C1) and line separators never belong in a one-line text.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// A description may have line breaks and tabs, nothing else of the kind.
const CONTROL_MULTILINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
// Half of a surrogate pair is no Unicode character: PostgreSQL refuses it in jsonb (an internal error, not a refusal).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const invalid = (field: string[], reason: string): RuleViolation => ({
  code: UserErrorCode.INVALID_INPUT,
  field: ['input', ...field],
  params: { field: field.join('.'), reason },
});

/** A text cleaned (NFC, trimmed; a blank English is no English), or why it is refused. */
function cleanTexts(texts: Texts, field: string, max: number, multiline: boolean): { texts: Texts; violation: RuleViolation | null } {
  const control = multiline ? CONTROL_MULTILINE : CONTROL;
  const fr = (texts.fr ?? '').normalize('NFC').trim();
  const en = texts.en?.normalize('NFC').trim() || null;
  const cleaned: Texts = en === null ? { fr } : { fr, en };
  if (fr.length === 0) return { texts: cleaned, violation: invalid([field, 'fr'], 'le français est requis / French is required') };
  for (const [lang, text] of [['fr', fr], ['en', en]] as const) {
    if (text === null) continue;
    if ([...text].length > max) return { texts: cleaned, violation: invalid([field, lang], `${max} caractères au plus / at most ${max} characters`) };
    if (control.test(text)) return { texts: cleaned, violation: invalid([field, lang], 'caractères de contrôle / control characters') };
    if (LONE_SURROGATE.test(text)) return { texts: cleaned, violation: invalid([field, lang], 'caractères invalides / invalid characters') };
  }
  return { texts: cleaned, violation: null };
}

/**
 * Checks an event about to be stored; returns it cleaned, with every rule it breaks. timesChanged
 * says whether startsAt/endsAt are new (an event that already started may still get a new title).
 */
export function validateEventFields(fields: EventFields, now: Date, timesChanged: boolean): { fields: EventFields; violations: RuleViolation[] } {
  const violations: RuleViolation[] = [];
  const title = cleanTexts(fields.title, 'title', 200, false);
  const description = fields.description ? cleanTexts(fields.description, 'description', 2000, true) : null;
  const room = fields.room ? cleanTexts(fields.room, 'room', 100, false) : null;
  for (const v of [title.violation, description?.violation, room?.violation]) if (v) violations.push(v);

  if ((fields.spaceId === null) === (room === null)) {
    violations.push(invalid(['sharedSpaceId'], 'un lieu : sharedSpaceId ou room / exactly one venue: sharedSpaceId or room'));
  } else if (fields.spaceId !== null && !isUuid(fields.spaceId)) {
    violations.push({ code: UserErrorCode.NOT_FOUND, field: ['input', 'sharedSpaceId'] });
  }
  if (!Number.isInteger(fields.capacity) || fields.capacity < 1 || fields.capacity > MAX_CAPACITY) {
    violations.push(invalid(['capacity'], `1 – ${MAX_CAPACITY}`));
  }
  if (fields.endsAt.getTime() <= fields.startsAt.getTime()) {
    violations.push({ code: UserErrorCode.INVALID_RANGE, field: ['input', 'endsAt'] });
  } else if (fields.endsAt.getTime() - fields.startsAt.getTime() > MAX_DURATION_MINUTES * 60_000) {
    violations.push({ code: UserErrorCode.TOO_LONG, field: ['input', 'endsAt'], params: { minutes: MAX_DURATION_MINUTES } });
  }
  if (timesChanged && fields.startsAt.getTime() <= now.getTime()) {
    violations.push({ code: UserErrorCode.IN_THE_PAST, field: ['input', 'startsAt'] });
  }
  return {
    fields: { ...fields, title: title.texts, description: description?.texts ?? null, room: room?.texts ?? null, spaceId: fields.spaceId?.toLowerCase() ?? null },
    violations,
  };
}
