import type { Identity } from '@maison/auth';
import { VerifiedTokens } from './verified-tokens';

const someone: Identity = { sub: 'rosalie', roles: ['MEMBER'] };

describe('verified tokens', () => {
  let now = 1_000_000_000_000;
  const clock = () => now;

  it('answers for the exact token only, until the token expires', () => {
    const tokens = new VerifiedTokens(10, clock);
    tokens.remember('a.b.c', someone, now / 1000 + 30);
    expect(tokens.get('a.b.c')).toEqual(someone);
    expect(tokens.get('a.b.d')).toBeUndefined();
    now += 29_999;
    expect(tokens.get('a.b.c')).toEqual(someone);
    now += 1;
    expect(tokens.get('a.b.c')).toBeUndefined();
  });

  it('forgets a long-lived token after a minute, so a withdrawn key stops working soon', () => {
    const tokens = new VerifiedTokens(10, clock);
    tokens.remember('long', someone, now / 1000 + 8 * 3600);
    now += VerifiedTokens.REMEMBER_MS - 1;
    expect(tokens.get('long')).toEqual(someone);
    now += 1;
    expect(tokens.get('long')).toBeUndefined();
  });

  it('remembers nothing about a token without expiry or already expired', () => {
    const tokens = new VerifiedTokens(10, clock);
    tokens.remember('no-exp', someone, undefined);
    tokens.remember('expired', someone, now / 1000 - 1);
    expect(tokens.get('no-exp')).toBeUndefined();
    expect(tokens.get('expired')).toBeUndefined();
  });

  it('keeps at most maxEntries tokens, dropping the oldest', () => {
    const tokens = new VerifiedTokens(2, clock);
    for (const t of ['t1', 't2', 't3']) tokens.remember(t, { ...someone, sub: t }, now / 1000 + 60);
    expect(tokens.get('t1')).toBeUndefined();
    expect(tokens.get('t2')?.sub).toBe('t2');
    expect(tokens.get('t3')?.sub).toBe('t3');
  });
});
