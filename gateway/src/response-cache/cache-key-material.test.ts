import { serializeIteratively } from './cache-key-material';

describe('serializeIteratively', () => {
  it('writes what JSON.stringify writes for a parsed JSON body', () => {
    const values: unknown[] = [
      null,
      'a "quoted" ünicode\n',
      -1.5,
      true,
      [],
      {},
      [1, [2, [3, {}]], null, undefined],
      { b: 1, a: { c: [true, 'x'], skipped: undefined }, 'k"ey': [] },
      ['fr', '*/*', ['query($v: X) { x }', undefined, { v: { a: [1, { b: null }] } }, { version: 1, sha256Hash: 'ab' }]],
    ];
    for (const value of values) expect(serializeIteratively(value)).toBe(JSON.stringify(value));
  });

  it('serialises 10,000 nested levels without overflowing the stack, and tells apart two depths', () => {
    const nested = (levels: number) => {
      let value: unknown = {};
      for (let i = 0; i < levels; i += 1) value = { a: value };
      return value;
    };
    const text = serializeIteratively(nested(10_000));
    expect(text).toBe('{"a":'.repeat(10_000) + '{}' + '}'.repeat(10_000));
    expect(serializeIteratively(nested(10_001))).not.toBe(text);
  });
});
