import { DateTime as Luxon } from 'luxon';
import { commonInstant } from './iso-instant';

/** What luxon makes of a value, as DATE_TIME_RULE read it before commonInstant: the instant, or undefined. */
function luxon(value: string): number | undefined {
  const parsed = Luxon.fromISO(value, { setZone: true });
  return parsed.isValid && parsed.year >= 1900 && parsed.year <= 9999 ? parsed.toJSDate().getTime() : undefined;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A deterministic pseudo-random stream (the same values on every run). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('commonInstant (the DateTime rule without luxon for the common shape)', () => {
  it('reads 20,000 values of the common shape, in and out of range, as luxon does, or leaves them to luxon', () => {
    const next = random(15);
    const pick = (max: number) => Math.floor(next() * max);
    let read = 0;
    for (let i = 0; i < 20_000; i += 1) {
      // Fields sometimes out of range (month 13, day 31 of a short month, hour 24, minute 60, offset +25:00).
      const date = `${pad(1890 + pick(8200), 4)}-${pad(pick(14))}-${pad(pick(33))}`;
      const time = `${pad(pick(26))}:${pad(pick(62))}${pick(3) ? `:${pad(pick(62))}` : ''}`;
      const fraction = time.length > 5 && pick(2) ? `.${String(pick(1000)).slice(0, 1 + pick(3))}` : '';
      const offset = pick(4) === 0 ? 'Z' : `${pick(2) ? '+' : '-'}${pad(pick(26))}:${pad(pick(62))}`;
      const value = `${date}T${time}${fraction}${offset}`;
      const fast = commonInstant(value);
      if (fast) {
        read += 1;
        expect({ value, instant: fast.getTime() }).toEqual({ value, instant: luxon(value) });
      }
    }
    // Most values are of the common shape and in range: the fast path is the one taken.
    expect(read).toBeGreaterThan(5_000);
  });

  it('reads every valid day of 1999–2031 at midnight and every fraction of a second as luxon does', () => {
    for (let t = Date.UTC(1999, 0, 1); t < Date.UTC(2032, 0, 1); t += 86_400_000) {
      const value = `${new Date(t).toISOString().slice(0, 10)}T00:00:00-05:00`;
      expect(commonInstant(value)?.getTime()).toBe(luxon(value));
    }
    for (let ms = 0; ms < 1000; ms += 1) {
      for (const digits of [String(ms).padStart(3, '0'), String(ms).padStart(3, '0').replace(/0+$/, '') || '0']) {
        const value = `2026-11-26T10:00:00.${digits}Z`;
        expect(commonInstant(value)?.getTime()).toBe(luxon(value));
      }
    }
  });

  it('leaves to luxon every other form, which it may accept or refuse', () => {
    for (const value of [
      '2026-11-26T24:00:00Z',
      '2026-11-26t10:00:00z',
      '20261126T100000Z',
      '2026-W48-4T10:00Z',
      '2026-11-26T10:00:00.1234Z',
      '1899-12-31T23:00:00Z',
      '2026-02-29T10:00:00Z',
    ]) {
      expect(commonInstant(value)).toBeUndefined();
    }
  });
});
