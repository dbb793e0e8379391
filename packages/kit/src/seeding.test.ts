import { ConfigError } from '@maison/config';
import { loadsDemo, SEED_MODES } from './seeding';
import { readSubgraphConfig } from './subgraph';

const tenants = { name: 'tenants', defaultPort: 4001 };
const base = { DATABASE_URL: 'postgres://u@127.0.0.1:5432/house_tenants', GATEWAY_SIGNING_SECRET: 's'.repeat(32) };

describe('SEED', () => {
  it('defaults to the demo data in development and in tests, to none in production', () => {
    expect(readSubgraphConfig(tenants, base).seed).toBe('demo');
    expect(readSubgraphConfig(tenants, { ...base, NODE_ENV: 'test' }).seed).toBe('demo');
    expect(readSubgraphConfig(tenants, { ...base, NODE_ENV: 'production' }).seed).toBe('none');
  });

  it('loads the demo data for demo and its old name auto, not for none nor its old name off', () => {
    expect(SEED_MODES.filter(loadsDemo)).toEqual(['demo', 'auto']);
    expect(loadsDemo(readSubgraphConfig(tenants, { ...base, NODE_ENV: 'production', SEED: 'demo' }).seed)).toBe(true);
    expect(loadsDemo(readSubgraphConfig(tenants, { ...base, SEED: 'off' }).seed)).toBe(false);
  });

  it('refuses any other value, naming the accepted ones', () => {
    expect(() => readSubgraphConfig(tenants, { ...base, SEED: 'base' })).toThrow(ConfigError);
    expect(() => readSubgraphConfig(tenants, { ...base, SEED: 'base' })).toThrow('SEED="base" is invalid: must be one of demo, none, auto, off');
  });
});
