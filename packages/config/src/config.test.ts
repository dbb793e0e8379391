import { ConfigError, negotiateLang, readConfig, redisSpec, v } from './index';

const spec = {
  port: v.int('PORT', { description: 'port', default: 4000, min: 1, max: 65535 }),
  url: v.url('DATABASE_URL', { description: 'database', protocols: ['postgres:'] }),
  secret: v.secret('JWT_SECRET', { description: 'secret', default: (production) => (production ? undefined : 'x'.repeat(32)) }),
  mode: v.oneOf('SEED', ['auto', 'off'] as const, { description: 'seed', default: 'auto' }),
};

describe('readConfig', () => {
  it('applies defaults and parses what is set', () => {
    expect(readConfig(spec, { DATABASE_URL: 'postgres://h/db', PORT: '4100' })).toEqual({
      port: 4100,
      url: 'postgres://h/db',
      secret: 'x'.repeat(32),
      mode: 'auto',
    });
  });

  it('lists every problem at once instead of stopping at the first', () => {
    let error: unknown;
    try {
      readConfig(spec, { NODE_ENV: 'production', PORT: '70000', DATABASE_URL: 'mysql://h/db', SEED: 'maybe' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'PORT="70000" is invalid: must be at most 65535',
      'DATABASE_URL="mysql://h/db" is invalid: protocol must be one of postgres:',
      'JWT_SECRET is required (secret)',
      'SEED="maybe" is invalid: must be one of auto, off',
    ]);
  });

  it('refuses a secret shorter than 32 characters', () => {
    expect(() => readConfig(spec, { DATABASE_URL: 'postgres://h/db', JWT_SECRET: 'short' })).toThrow(
      /JWT_SECRET="short" is invalid: must be at least 32 characters/,
    );
  });
});

describe('negotiateLang', () => {
  it.each([
    [undefined, 'fr'],
    ['', 'fr'],
    ['en', 'en'],
    ['en-CA,en;q=0.9', 'en'],
    ['fr-CA,fr;q=0.9,en;q=0.8', 'fr'],
    ['de-DE,en;q=0.5', 'en'],
    ['de, es', 'fr'],
    ['fr;q=0.2, en;q=0.8', 'en'],
    ['en;q=0', 'fr'],
  ])('%p → %p', (header, lang) => {
    expect(negotiateLang(header)).toBe(lang);
  });
});

describe('optional variables', () => {
  it('are undefined when absent and still validated when set', () => {
    const optional = { peer: v.optionalUrl('PEER_URL', 'peer') };
    expect(readConfig(optional, {})).toEqual({ peer: undefined });
    expect(() => readConfig(optional, { PEER_URL: 'not a url' })).toThrow(/PEER_URL="not a url" is invalid/);
  });
});

describe('REDIS_KEY_PREFIX', () => {
  const spec = { prefix: redisSpec.redisKeyPrefix };
  it('defaults to maison: and takes letters, digits and : _ . -', () => {
    expect(readConfig(spec, {}).prefix).toBe('maison:');
    expect(readConfig(spec, { REDIS_KEY_PREFIX: 'staging:rc.v2_1-' }).prefix).toBe('staging:rc.v2_1-');
  });
  it.each(['with space', 'é:', 'x'.repeat(101), 'a*b'])('refuses %p at boot', (bad) => {
    expect(() => readConfig(spec, { REDIS_KEY_PREFIX: bad })).toThrow(/REDIS_KEY_PREFIX/);
  });
});
