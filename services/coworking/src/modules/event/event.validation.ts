import { inputReason, UserErrorCode } from '@maison/errors';
import { cleanOverrideReason, cleanTexts, invalid, isUuid, type RuleViolation, type Texts } from '@maison/house';
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
  /** ADMIN's reason for holding the shared space despite its rules; kept only for an event in a shared space. */
  overrideReason: string | null;
}

/**
 * Checks an event about to be stored; returns it cleaned, with every rule it breaks. timesChanged
 * says whether startsAt/endsAt are new (an event that already started may still get a new title).
 */
export function validateEventFields(fields: EventFields, now: Date, timesChanged: boolean): { fields: EventFields; violations: RuleViolation[] } {
  const violations: RuleViolation[] = [];
  const title = cleanTexts(fields.title, ['input', 'title'], { max: 200 });
  const description = fields.description ? cleanTexts(fields.description, ['input', 'description'], { max: 2000, multiline: true }) : null;
  const room = fields.room ? cleanTexts(fields.room, ['input', 'room'], { max: 100 }) : null;
  violations.push(...title.violations, ...(description?.violations ?? []), ...(room?.violations ?? []));

  if ((fields.spaceId === null) === (room === null)) {
    violations.push(invalid(['input', 'sharedSpaceId'], inputReason('ONE_VENUE')));
  } else if (fields.spaceId !== null && !isUuid(fields.spaceId)) {
    violations.push({ code: UserErrorCode.NOT_FOUND, field: ['input', 'sharedSpaceId'] });
  }
  if (!Number.isInteger(fields.capacity) || fields.capacity < 1 || fields.capacity > MAX_CAPACITY) {
    violations.push(invalid(['input', 'capacity'], inputReason('BETWEEN', { min: 1, max: MAX_CAPACITY })));
  }
  if (fields.endsAt.getTime() <= fields.startsAt.getTime()) {
    violations.push({ code: UserErrorCode.INVALID_RANGE, field: ['input', 'endsAt'] });
  } else if (fields.endsAt.getTime() - fields.startsAt.getTime() > MAX_DURATION_MINUTES * 60_000) {
    violations.push({ code: UserErrorCode.TOO_LONG, field: ['input', 'endsAt'], params: { minutes: MAX_DURATION_MINUTES } });
  }
  const override = fields.overrideReason === null ? null : cleanOverrideReason(fields.overrideReason, ['input', 'spaceRulesOverride', 'reason']);
  if (override?.violation) violations.push(override.violation);
  if (timesChanged && fields.startsAt.getTime() <= now.getTime()) {
    violations.push({ code: UserErrorCode.IN_THE_PAST, field: ['input', 'startsAt'] });
  }
  return {
    fields: {
      ...fields,
      title: title.texts,
      description: description?.texts ?? null,
      room: room?.texts ?? null,
      spaceId: fields.spaceId?.toLowerCase() ?? null,
      overrideReason: fields.spaceId === null ? null : (override?.reason ?? null),
    },
    violations,
  };
}
