/**
 * Generated hostile input for fuzz tests, from a seeded generator so that a failure replays:
 * invalid dates, reversed ranges, huge strings, control characters, SQL-looking text, emoji and
 * accents, negative and enormous numbers, wrong ids.
 */
export class Fuzz {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** mulberry32: small, fast, good enough to spread cases. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(values: readonly T[]): T {
    return values[this.int(0, values.length - 1)]!;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** null, undefined (absent) or a value. */
  maybe<T>(value: () => T, pNull = 0.15): T | null | undefined {
    const r = this.next();
    if (r < pNull / 2) return null;
    if (r < pNull) return undefined;
    return value();
  }

  string(valid: () => string = () => 'Dîner partagé'): string {
    return this.pick<() => string>([
      valid,
      valid,
      () => '',
      () => '   ',
      () => 'x'.repeat(this.pick([199, 200, 201, 1000, 100_000])),
      () => `a\u0000b`,
      () => `ligne 1\nligne 2\ttab\r`,
      () => "'; DROP TABLE space_booking; --",
      () => `" OR 1=1 --`,
      () => '🍲🎨☕️ Café-crème à l’érablière',
      () => 'ÉÀÇÔÛ ŒÆ ß ﬁ',
      () => '\u202Eevil\u202C',
      () => '\uD800',
      () => '<script>alert(1)</script>',
      () => '${jndi:ldap://x}',
      () => 'é'.repeat(201),
    ])();
  }

  number(valid: () => number = () => 4): number {
    return this.pick<() => number>([valid, valid, () => 0, () => -1, () => -2147483648, () => 2147483647, () => this.int(-1000, 1000), () => 1_000_000])();
  }

  /** A DateTime argument: valid ones near `around`, and many malformed ones. */
  dateTime(around: Date): string {
    const valid = () => new Date(around.getTime() + this.int(-3, 90) * 86_400_000 + this.int(0, 95) * 900_000).toISOString();
    return this.pick<() => string>([
      valid,
      valid,
      valid,
      () => '2026-02-30T10:00:00Z',
      () => '2026-12-01T10:00:00',
      () => '2026-12-01',
      () => 'demain midi',
      () => '0001-01-01T00:00:00Z',
      () => '9999-12-31T23:59:59Z',
      () => '2026-12-01T25:00:00-05:00',
      () => '',
      () => "2026-12-01T10:00:00Z' OR '1'='1",
    ])();
  }

  localDate(around: string): string {
    const [y, m, d] = around.split('-').map(Number) as [number, number, number];
    const valid = () => new Date(Date.UTC(y, m - 1, d + this.int(-5, 100))).toISOString().slice(0, 10);
    return this.pick<() => string>([valid, valid, valid, () => '2027-02-29', () => '2026-13-01', () => '26-1-1', () => '', () => '2026-12-01T00:00:00Z'])();
  }

  id(known: readonly string[]): string {
    return this.pick<() => string>([
      () => this.pick(known),
      () => this.pick(known),
      () => this.pick(known).toUpperCase(),
      () => '00000000-0000-0000-0000-000000000000',
      () => 'not-an-id',
      () => '',
      () => "1' OR '1'='1",
      () => 'x'.repeat(10_000),
    ])();
  }

  /** A hostile text for any String or ID: empty, control characters, NUL, lone surrogates, 100 kB, markup, SQL. */
  hostileText(): string {
    return this.pick<() => string>([
      () => '',
      () => '   ',
      () => 'a\u0000b',
      () => '\u0000',
      () => '\u0001\u0007\u001b[31m\u007f\u0085',
      () => 'ligne 1\nligne 2\ttab\r\u2028\u2029',
      () => '\uD800',
      () => 'a\uDFFFb',
      () => 'x'.repeat(100_000),
      () => 'é'.repeat(50_000),
      () => this.noise(this.pick([3000, 10_000])),
      () => "'; DROP TABLE space_booking; --",
      () => '\u202Eevil\u202C',
      () => '🍲'.repeat(1000),
      () => '%00%27',
      () => '\\x00',
    ])();
  }

  /** `length` letters and digits at random: a text no compression shrinks (a key longer than an index entry may be). */
  noise(length: number): string {
    const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
    return Array.from({ length }, () => alphabet[this.int(0, alphabet.length - 1)]).join('');
  }

  /** A cursor no page wrote: base64url JSON of the wrong shape, a value of the wrong kind, an id that is no UUID, NUL. */
  forgedCursor(known: readonly string[]): string {
    const id = known.length ? this.pick(known) : '00000000-0000-4000-8000-000000000001';
    const json = this.pick([
      '["a", 1e400]',
      '["a", "Infinity"]',
      `["zzz", "${id}"]`,
      `[40000, "${id}"]`,
      `[2019.5, "${id}"]`,
      `["a\\u0000", "${id}"]`,
      `[null, "${id}"]`,
      `["2026-02-30", "${id}"]`,
      `["+275760-09-13T00:00:00.000Z", "${id}"]`,
      `[{"a": 1}, "${id}"]`,
      '{"x": 1}',
      '[]',
      '"',
    ]);
    return Buffer.from(json).toString('base64url');
  }

  /** A hostile id: not a UUID, a UUID of nothing, one of another type (from `known`), the same in capitals, with spaces. */
  hostileId(known: readonly string[]): string {
    return this.pick<() => string>([
      () => this.hostileText(),
      () => 'not-an-id',
      () => '00000000-0000-0000-0000-000000000000',
      () => 'ffffffff-ffff-4fff-bfff-ffffffffffff',
      () => (known.length ? this.pick(known) : 'not-an-id'),
      () => (known.length ? this.pick(known).toUpperCase() : 'NOT-AN-ID'),
      () => (known.length ? ` ${this.pick(known)} ` : ' '),
      () => (known.length ? `${this.pick(known)}0` : '0'),
      () => '{00000000-0000-0000-0000-000000000000}',
    ])();
  }

  /** A hostile Int (or a value given for one): past 32 bits, past 2^53, negative, a float, NaN-like strings. */
  hostileInt(): unknown {
    return this.pick<unknown>([2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 1, -1, 0, 2147483647, -2147483648, 1e308, 1.5, 'NaN', 'Infinity', '12', true]);
  }

  /** A hostile Float: enormous, negative, NaN-like strings. */
  hostileFloat(): unknown {
    return this.pick<unknown>([1e308, -1e308, 5e-324, -1, 0, 2 ** 53 + 1, 'NaN', '-Infinity', '1e309']);
  }

  /** Impossible or malformed DateTimes: a day that is not, hour 24, offsets out of range, no zone, years 0 and 10000. */
  hostileDateTime(): string {
    // The edges a DateTime may take (years 1900 to 9999), a third of the time.
    if (this.chance(0.35)) return this.pick(['1900-01-01T00:00:00Z', '1900-01-01T04:59:59-05:00', '9999-12-31T23:59:59.999Z', '9999-12-31T23:59:59+14:00']);
    return this.pick([
      '2026-02-30T10:00:00Z',
      '2026-13-01T10:00:00Z',
      '0000-01-01T00:00:00Z',
      '9999-12-31T24:00:00Z',
      '9999-12-31T23:59:59Z',
      '2026-12-01T10:00:00+25:00',
      '2026-12-01T10:00:00-14:01',
      '2026-12-01T10:00:00+05:60',
      '2026-12-01T10:00:00',
      '2026-12-01T10:00:61Z',
      '2026-12-01',
      '+010000-01-01T00:00:00Z',
      '-000001-01-01T00:00:00Z',
      '2026-12-01T10:00:00 America/Montreal',
      'demain midi',
      '',
    ]);
  }

  /** Impossible or malformed LocalDates: February 30, month 13, year 0, years past 9999, a DateTime. */
  hostileLocalDate(): string {
    // The edges a LocalDate may take, and whose neighbours the house's arithmetic reaches, a third of the time.
    if (this.chance(0.35)) return this.pick(['0001-01-01', '9999-12-30', '9999-12-31']);
    return this.pick([
      '2026-02-30',
      '2027-02-29',
      '2026-13-01',
      '2026-00-10',
      '0000-01-01',
      '9999-12-31',
      '10000-01-01',
      '-0001-01-01',
      '26-1-1',
      '2026-12-01T00:00:00Z',
      '',
    ]);
  }

  /** A hostile value for an enum: unknown, lower case, a number. */
  hostileEnum(values: readonly string[]): string | number {
    return this.pick<string | number>(['NOPE', (values[0] ?? 'x').toLowerCase(), ` ${values[0] ?? ''}`, 1, '']);
  }

  /** Lists nested `depth` times around `item`: [[[item]]]. */
  nested(item: unknown, depth: number): unknown {
    let value = item;
    for (let i = 0; i < depth; i += 1) value = [value];
    return value;
  }
}

/** Error codes a client may see for bad input; anything else (or none) is a defect. */
export const EXPECTED_ERROR_CODES = ['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'GRAPHQL_VALIDATION_FAILED'] as const;

export function unexpectedErrors(body: { errors?: { message: string; extensions?: Record<string, unknown> }[] }): string[] {
  return (body.errors ?? [])
    .filter((e) => !EXPECTED_ERROR_CODES.includes(e.extensions?.code as never))
    .map((e) => `${String(e.extensions?.code)}: ${e.message}`);
}
