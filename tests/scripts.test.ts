import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { verifyToken } from '@maison/auth';
import { DEV_JWT_SECRET } from '@maison/config';
import { stableId } from '@maison/house';

/** The command-line entry points, run as a user would (from the build `npm test` makes first). */
const ROOT = path.resolve(__dirname, '..');
const node = (script: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [path.join(ROOT, script), ...args], { encoding: 'utf8', env: { PATH: process.env.PATH!, ...env } });

describe('npm run token', () => {
  const settings = { secret: DEV_JWT_SECRET, issuer: 'https://la-maison.example/auth', audience: 'la-maison-api' };

  it('prints a development token for a tenant, by seed slug', () => {
    const token = execFileSync(process.execPath, [path.join(ROOT, 'scripts/dist/token.js'), '--role', 'TENANT', '--tenant', 'acupuncture'], {
      encoding: 'utf8',
    }).trim();
    expect(verifyToken(token, settings)).toEqual({ sub: 'dev:tenant:acupuncture', roles: ['TENANT'], tenantId: stableId('tenant', 'acupuncture') });
  });

  it('refuses an unknown role or a missing holder, with the usage', () => {
    const unknown = node('scripts/dist/token.js', ['--role', 'ROOT']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/--role must be one of ADMIN, TENANT, MEMBER, ARTIST/);
    const missing = node('scripts/dist/token.js', ['--role', 'MEMBER']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/--role MEMBER needs --member <slug>/);
  });
});

describe('a process with a bad configuration', () => {
  it('refuses to start and lists every problem', () => {
    const result = node('services/tenants/dist/main.js', [], { PORT: 'abc', DB_POOL_SIZE: '0', NODE_ENV: 'production' });
    expect(result.status).toBe(78);
    expect(result.stderr).toContain('Invalid configuration:');
    expect(result.stderr).toContain('PORT="abc" is invalid: must be an integer');
    expect(result.stderr).toContain('DB_POOL_SIZE="0" is invalid: must be at least 1');
    expect(result.stderr).toContain('DATABASE_URL is required');
    expect(result.stderr).toContain('GATEWAY_SIGNING_SECRET is required');
  });

  it('stops the gateway too, naming the missing production secrets', () => {
    const result = node('gateway/dist/main.js', [], { NODE_ENV: 'production' });
    expect(result.status).toBe(78);
    expect(result.stderr).toContain('JWT_SECRET is required');
    expect(result.stderr).toContain('TENANTS_URL is required');
  });
});
