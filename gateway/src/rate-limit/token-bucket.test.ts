import { TokenBuckets } from './token-bucket';

describe('token buckets', () => {
  it('lets a key spend its minute at once, then refuses with the seconds until the next token', () => {
    let now = 0;
    const buckets = new TokenBuckets(3, () => now);
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a')]).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect(buckets.take('a')).toEqual({ ok: false, retryAfterSeconds: 20 });
    now = 19_999;
    expect(buckets.take('a')).toEqual({ ok: false, retryAfterSeconds: 1 });
    now = 20_000;
    expect(buckets.take('a')).toEqual({ ok: true });
    expect(buckets.take('a')).toEqual({ ok: false, retryAfterSeconds: 20 });
  });

  it('keeps one bucket per key', () => {
    const buckets = new TokenBuckets(1, () => 0);
    expect(buckets.take('sub:a')).toEqual({ ok: true });
    expect(buckets.take('sub:a').ok).toBe(false);
    expect(buckets.take('sub:b')).toEqual({ ok: true });
    expect(buckets.take('ip:127.0.0.1')).toEqual({ ok: true });
  });

  it('is off at 0 per minute', () => {
    const buckets = new TokenBuckets(0);
    for (let i = 0; i < 1000; i++) expect(buckets.take('a')).toEqual({ ok: true });
    expect(buckets.size).toBe(0);
  });

  it('forgets full buckets and never holds more than maxKeys', () => {
    let now = 0;
    const buckets = new TokenBuckets(60, () => now, 100);
    for (let i = 0; i < 500; i++) buckets.take(`ip:${i}`);
    expect(buckets.size).toBe(100);
    now = 60_000;
    buckets.sweep();
    expect(buckets.size).toBe(0);
  });
});
