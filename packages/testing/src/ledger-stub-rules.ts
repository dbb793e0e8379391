import { randomUUID } from 'node:crypto';
import { stableId, textFault } from '@maison/house';

/**
 * The rules of the tenants subgraph's HoldResolver, in memory, for the ledger stub. The contract test
 * (services/tenants/src/modules/booking/hold.contract.int.test.ts) runs the same scenarios against
 * this and against the real resolver, so the two cannot drift apart.
 */
export const KITCHEN = stableId('shared-space', 'cuisine');
export const TERRACE = stableId('shared-space', 'terrasse');
/** The seeded spaces and their cleaning buffers (minutes), as in the tenants seed. */
export const STUB_SPACES: ReadonlyMap<string, number> = new Map([
  [KITCHEN, 30],
  [TERRACE, 15],
]);

export interface StubHold {
  id: string;
  reference: string;
  spaceId: string;
  startsAt: Date;
  endsAt: Date;
  title: string;
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

  hold(input: { reference: string; spaceId: string; startsAt: string; endsAt: string; title: string }): StubOutcome {
    if (!REFERENCE.test(input.reference)) return fail('INVALID_INPUT', ['input', 'reference']);
    const live = this.holds.get(input.reference);
    if (live) return { booking: live, errors: [] };
    if (this.released.has(input.reference)) return fail('ALREADY_CANCELLED', ['input', 'reference']);
    // In the order of BookingService.book: fields, space, range, overlap.
    const refused = this.validate(input) ?? this.unknownSpace(input, ['input']) ?? badRange(input) ?? this.overlap(input, null, ['input']);
    if (refused) return refused;
    return this.put(randomUUID(), input);
  }

  move(input: { reference: string; spaceId: string; startsAt: string; endsAt: string; title: string }): StubOutcome {
    if (!REFERENCE.test(input.reference)) return fail('INVALID_INPUT', ['reference']);
    // In the order of HoldService.move: fields, range, the hold, space, overlap.
    const invalid = this.validate(input) ?? badRange(input);
    if (invalid) return invalid;
    const live = this.holds.get(input.reference);
    if (!live) return fail('NOT_FOUND', ['reference']);
    const refused = this.unknownSpace(input, []) ?? this.overlap(input, input.reference, []);
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

  /** The free-form fields: a title, a well-formed space id. */
  private validate(input: { spaceId: string; title: string }): StubOutcome | null {
    if (!validTitle(input.title)) return fail('INVALID_INPUT', ['input', 'title']);
    if (!UUID.test(input.spaceId)) return fail('NOT_FOUND', ['input', 'spaceId']);
    return null;
  }

  /** `prefix` is ["input"] for a hold, [] for a move, as the real resolver names the fields. */
  private unknownSpace(input: { spaceId: string }, prefix: string[]): StubOutcome | null {
    return this.spaces.has(input.spaceId.toLowerCase()) ? null : fail('NOT_FOUND', [...prefix, 'spaceId']);
  }

  /** Free over the placement and its cleaning buffer, against bookings and the other holds. */
  private overlap(input: { spaceId: string; startsAt: string; endsAt: string }, except: string | null, prefix: string[]): StubOutcome | null {
    const spaceId = input.spaceId.toLowerCase();
    const buffer = this.spaces.get(spaceId)!;
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    const until = (end: Date) => new Date(end.getTime() + buffer * 60_000);
    const taken = [...this.bookings, ...[...this.holds.values()].filter((h) => h.reference !== except)].some(
      (b) => b.spaceId === spaceId && b.startsAt < until(endsAt) && startsAt < until(b.endsAt),
    );
    return taken ? fail('SLOT_UNAVAILABLE', [...prefix, 'startsAt']) : null;
  }

  private put(id: string, input: { reference: string; spaceId: string; startsAt: string; endsAt: string; title: string }): StubOutcome {
    const hold: StubHold = {
      id,
      reference: input.reference,
      spaceId: input.spaceId.toLowerCase(),
      startsAt: new Date(input.startsAt),
      endsAt: new Date(input.endsAt),
      title: validTitle(input.title)!,
    };
    this.holds.set(hold.reference, hold);
    return { booking: hold, errors: [] };
  }
}

function badRange(input: { startsAt: string; endsAt: string }): StubOutcome | null {
  return new Date(input.endsAt) > new Date(input.startsAt) ? null : fail('INVALID_RANGE', ['input', 'endsAt']);
}

function validTitle(title: string): string | null {
  const t = title.normalize('NFC').trim();
  return t.length === 0 || [...t].length > 200 || textFault(t) !== null ? null : t;
}
