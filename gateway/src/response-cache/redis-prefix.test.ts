import { readGatewayConfig } from '../config';

describe('RESPONSE_CACHE_REDIS_PREFIX', () => {
  it('defaults to the prefix of the tagged format, and takes one of its own per deployment', () => {
    expect(readGatewayConfig({}).responseCacheRedisPrefix).toBe('maison:response-cache:v2:');
    expect(readGatewayConfig({ RESPONSE_CACHE_REDIS_PREFIX: 'staging:rc.v2_1-' }).responseCacheRedisPrefix).toBe('staging:rc.v2_1-');
  });

  it('refuses a prefix with spaces, glob characters, or too long, naming the variable (empty: the default)', () => {
    for (const bad of ['with space', 'star*', 'x'.repeat(101)]) {
      expect(() => readGatewayConfig({ RESPONSE_CACHE_REDIS_PREFIX: bad })).toThrow(/RESPONSE_CACHE_REDIS_PREFIX/);
    }
    expect(readGatewayConfig({ RESPONSE_CACHE_REDIS_PREFIX: '' }).responseCacheRedisPrefix).toBe('maison:response-cache:v2:');
  });
});
