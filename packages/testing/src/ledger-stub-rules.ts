import { randomUUID } from 'node:crypto';
import { checkSpaceLimits, cleanOverrideReason, stableId, textFault, type SpaceLimits } from '@maison/house';

/**
 * The rules of the tenants subgraph's HoldResolver, in memory, for the ledger stub. The contract test
 * (services/tenants/src/modules/booking/hold.contract.int.test.ts) runs the same scenarios against
 * this and against the real resolver, so the two cannot drift apart.
 */
export const KITCHEN = stableId('shared-space', 'cuisine');
export const TERRACE = stableId('shared-space', 'terrasse');
/** A space as the stub knows it: its cleaning buffer (minutes) and the rules a hold keeps. */
export interface StubSpace extends SpaceLimits {
  bufferMinutes: number;
}
const everyDay = (opens: string, closes: string) => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens, closes }));
/** The seeded spaces, as in the tenants seed (services/tenants/src/seed.ts). */
export const STUB_SPACES: ReadonlyMap<string, StubSpace> = new Map([
  [KITCHEN, { bufferMinutes: 30, capacity: 12, openingHoursRows: everyDay('07:00', '22:00'), seasonStarts: null, seasonEnds: null }],
  [TERRACE, { bufferMinutes: 15, capacity: 30, openingHoursRows: everyDay('09:00', '21:00'), seasonStarts: '05-01', seasonEnds: '10-31' }],
]);

/** What a hold or a move carries besides its placement. */
export interface StubHoldInput {
  reference: string;
  spaceId: string;
  startsAt: string;
  endsAt: string;
  title: string;
  attendees?: number | null;
  override?: { reason: string } | null;
}

export interface StubHold {
  id: string;
  reference: string;
  spaceId: string;
  startsAt: Date;
  endsAt: Date;
  title: string;
  attendees: number | null;
  /** The reason of the override it was last held or moved with (the real ledger keeps it in the history). */
  overrideReason: string | null;
}

/** A booking of the ledger that is not a hold: a hold may not overlap it (buffers included). */
export interface StubBooking {
  spaceId: string;
  startsAt: Date;
  endsAt: Date;
}

export interface StubError {
  code: string;
  field: string[];
}
export interface StubOutcome {
  booking: StubHold | null;
  errors: StubError[];
  /** With OVER_CAPACITY: the capacity of the space. */
  spaceCapacity?: number | null;
}

const REFERENCE = /^[a-z][a-z0-9-]{0,40}:[A-Za-z0-9-]{1,100}$/;
const KIND = /^[a-z][a-z0-9-]{0,40}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const fail = (code: string, field: string[]): StubOutcome => ({ booking: null, errors: [{ code, field }] });

export class StubLedgerState {
  /** Live holds by reference. */
  readonly holds = new Map<string, StubHold>();
  /** Every reference ever released (tombstones). */
  readonly released = new Set<string>();
  readonly bookings: StubBooking[] = [];
  readonly spaces = new Map(STUB_SPACES);

  hold(input: StubHoldInput): StubOutcome {
    if (!REFERENCE.test(input.reference)) return fail('INVALID_INPUT', ['input', 'reference']);
    const live = this.holds.get(input.reference);
    if (live) return { booking: live, errors: [] };
    if (this.released.has(input.reference)) return fail('ALREADY_CANCELLED', ['input', 'reference']);
    // In the order of HoldService.hold and BookingService.book: override, fields, space, range, the space's rules, overlap.
    const refused =
      badOverride(input, ['input', 'override', 'reason']) ??
      this.validate(input) ??
      this.unknownSpace(input, ['input']) ??
      badRange(input) ??
      this.spaceRules(input, ['input']) ??
      this.overlap(input, null, ['input']);
    if (refused) return refused;
    return this.put(randomUUID(), input);
  }

  move(input: StubHoldInput): StubOutcome {
    if (!REFERENCE.test(input.reference)) return fail('INVALID_INPUT', ['reference']);
    // In the order of HoldService.move: override, fields, range, the hold, space, the space's rules, overlap.
    const invalid = badOverride(input, ['override', 'reason']) ?? this.validate(input) ?? badRange(input);
    if (invalid) return invalid;
    const live = this.holds.get(input.reference);
    if (!live) return fail('NOT_FOUND', ['reference']);
    const refused = this.unknownSpace(input, []) ?? this.spaceRules(input, []) ?? this.overlap(input, input.reference, []);
    if (refused) return refused;
    return this.put(live.id, input);
  }

  release(reference: string): StubOutcome {
    if (!REFERENCE.test(reference)) return fail('INVALID_INPUT', ['reference']);
    this.released.add(reference);
    const live = this.holds.get(reference) ?? null;
    this.holds.delete(reference);
    return { booking: live, errors: [] };
  }

  /** Null: a malformed kind or page (the real resolver answers BAD_USER_INPUT). */
  liveHolds(kind: string, endingAfter: string, after: string | null, first: number): StubHold[] | null {
    if (!KIND.test(kind) || !Number.isInteger(first) || first < 1 || first > 500) return null;
    return [...this.holds.values()]
      .filter((h) => h.reference.split(':')[0] === kind && h.endsAt > new Date(endingAfter) && (after === null || h.reference > after))
      .sort((a, b) => (a.reference < b.reference ? -1 : 1))
      .slice(0, first);
  }

  reset(): void {
    this.holds.clear();
    this.released.clear();
    this.bookings.length = 0;
  }

  /** The free-form fields: a title, attendees (1 or more), a well-formed space id. */
  private validate(input: StubHoldInput): StubOutcome | null {
    if (!validTitle(input.title)) return fail('INVALID_INPUT', ['input', 'title']);
    if (input.attendees != null && (!Number.isInteger(input.attendees) || input.attendees < 1)) return fail('INVALID_INPUT', ['input', 'attendees']);
    if (!UUID.test(input.spaceId)) return fail('NOT_FOUND', ['input', 'spaceId']);
    return null;
  }

  /** `prefix` is ["input"] for a hold, [] for a move, as the real resolver names the fields. */
  private unknownSpace(input: { spaceId: string }, prefix: string[]): StubOutcome | null {
    return this.spaces.has(input.spaceId.toLowerCase()) ? null : fail('NOT_FOUND', [...prefix, 'spaceId']);
  }

  /** The space's season, opening hours and capacity, with the ledger's own rule (checkSpaceLimits), unless overridden. */
  private spaceRules(input: StubHoldInput, prefix: string[]): StubOutcome | null {
    if (input.override) return null;
    const space = this.spaces.get(input.spaceId.toLowerCase())!;
    const request = { startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt), attendees: input.attendees ?? null };
    const violations = checkSpaceLimits(space, request, { startsAt: [...prefix, 'startsAt'], attendees: [...prefix, 'attendees'] });
    if (violations.length === 0) return null;
    return {
      booking: null,
      errors: violations.map((v) => ({ code: v.code, field: v.field ?? [] })),
      spaceCapacity: violations.some((v) => v.code === 'OVER_CAPACITY') ? space.capacity : null,
    };
  }

  /** Free over the placement and its cleaning buffer, against bookings and the other holds. */
  private overlap(input: { spaceId: string; startsAt: string; endsAt: string }, except: string | null, prefix: string[]): StubOutcome | null {
    const spaceId = input.spaceId.toLowerCase();
    const buffer = this.spaces.get(spaceId)!.bufferMinutes;
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    const until = (end: Date) => new Date(end.getTime() + buffer * 60_000);
    const taken = [...this.bookings, ...[...this.holds.values()].filter((h) => h.reference !== except)].some(
      (b) => b.spaceId === spaceId && b.startsAt < until(endsAt) && startsAt < until(b.endsAt),
    );
    return taken ? fail('SLOT_UNAVAILABLE', [...prefix, 'startsAt']) : null;
  }

  private put(id: string, input: StubHoldInput): StubOutcome {
    const hold: StubHold = {
      id,
      reference: input.reference,
      spaceId: input.spaceId.toLowerCase(),
      startsAt: new Date(input.startsAt),
      endsAt: new Date(input.endsAt),
      title: validTitle(input.title)!,
      attendees: input.attendees ?? null,
      overrideReason: input.override ? cleanOverrideReason(input.override.reason, []).reason : null,
    };
    this.holds.set(hold.reference, hold);
    return { booking: hold, errors: [] };
  }
}

/** The override's reason with the ledger's own text rule (cleanOverrideReason). */
function badOverride(input: StubHoldInput, field: string[]): StubOutcome | null {
  return input.override && cleanOverrideReason(input.override.reason, field).violation ? fail('INVALID_INPUT', field) : null;
}

function badRange(input: { startsAt: string; endsAt: string }): StubOutcome | null {
  return new Date(input.endsAt) > new Date(input.startsAt) ? null : fail('INVALID_RANGE', ['input', 'endsAt']);
}

function validTitle(title: string): string | null {
  const t = title.normalize('NFC').trim();
  return t.length === 0 || [...t].length > 200 || textFault(t) !== null ? null : t;
}
