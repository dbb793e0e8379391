import { houseInstant } from '@maison/house';
import { BookingKind, HolderKind } from '../booking/booking.enums';
import { DEFAULT_RULES } from './space-rules.bounds';
import { rulesConflicts, type LedgerRow } from './space-rules.conflicts';
import type { RuleColumns } from './space-rules.validation';

const rules: RuleColumns = {
  ...DEFAULT_RULES,
  capacity: 10,
  openingHoursRows: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '08:00', closes: '20:00' })),
  seasonStarts: null,
  seasonEnds: null,
  bufferMinutes: 30,
  minDurationMinutes: 30,
  maxDurationMinutes: 240,
};
const now = houseInstant('2026-12-01', '09:00');
let n = 0;
const row = (from: string, to: string, extra: Partial<LedgerRow> = {}, date = '2026-12-03'): LedgerRow => ({
  id: `r${(n += 1)}`,
  kind: BookingKind.BOOKING,
  holderKind: HolderKind.TENANT,
  startsAt: houseInstant(date, from),
  endsAt: houseInstant(date, to),
  attendees: null,
  ...extra,
});
const ids = (rows: LedgerRow[]) => rulesConflicts(rules, rows, now).map((r) => r.id);

describe('rulesConflicts', () => {
  it('lists rows outside the hours, too short or too long, over capacity, on both sides of each bound', () => {
    const rows = [
      row('07:30', '08:30'),
      row('09:00', '09:30'),
      row('10:00', '10:29'),
      row('11:00', '11:30'),
      row('12:00', '16:00', { attendees: 10 }),
      row('16:30', '20:31'),
      row('08:00', '09:00', { attendees: 11 }, '2026-12-04'),
    ];
    expect(ids(rows)).toEqual([rows[0]!.id, rows[2]!.id, rows[5]!.id, rows[6]!.id]);
  });

  it('lists a row starting inside the buffer of the row before it, or whose buffer reaches a closure after it; never a closure', () => {
    const a = row('10:00', '11:00');
    const b = row('11:29', '12:00');
    const c = row('12:30', '13:00');
    const d = row('15:00', '16:00');
    const closure = row('16:29', '18:00', { kind: BookingKind.CLOSURE, holderKind: HolderKind.HOUSE });
    const e = row('18:29', '19:00');
    expect(ids([a, b, c, d, closure, e])).toEqual([b.id, d.id, e.id]);
  });

  it('lists holds like bookings; holders no longer eligible; ignores rows already started', () => {
    const hold = row('07:00', '09:00', { kind: BookingKind.EVENT, holderKind: HolderKind.HOUSE });
    const artist = row('10:00', '11:00', { holderKind: HolderKind.ARTIST }, '2026-12-05');
    const house = row('12:00', '13:00', { holderKind: HolderKind.HOUSE }, '2026-12-05');
    const started = row('08:30', '23:00', {}, '2026-12-01');
    expect(rulesConflicts({ ...rules, eligibleRoles: ['TENANT'] }, [started, hold, artist, house], now).map((r) => r.id)).toEqual([hold.id, artist.id]);
  });

  it('follows a season wrapping the new year', () => {
    const winter = { ...rules, seasonStarts: '11-15', seasonEnds: '03-31' };
    const december = row('10:00', '11:00');
    const april = row('10:00', '11:00', {}, '2027-04-01');
    const march = row('10:00', '11:00', {}, '2027-03-31');
    expect(rulesConflicts(winter, [december, march, april], now).map((r) => r.id)).toEqual([april.id]);
  });
});
