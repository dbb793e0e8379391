import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { verifyToken } from '@maison/auth';
import { DEV_JWT_SECRET } from '@maison/config';
import { stableId } from '@maison/house';
import { DEMO_TENANT_SLUGS, REFERENCE_TENANT_SLUGS, TENANT_SLUGS } from '../services/tenants/src/seed-slugs';
import { MEMBER_SLUGS } from '../services/coworking/src/seed-slugs';
import { ARTIST_SLUGS } from '../services/gallery/src/seed-slugs';

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

describe('npm run token and the seeded slugs', () => {
  const settings = { secret: DEV_JWT_SECRET, issuer: 'https://la-maison.example/auth', audience: 'la-maison-api' };
  const token = (args: string[]) => {
    const result = node('scripts/dist/token.js', args);
    expect(result.status).toBe(0);
    return verifyToken(result.stdout.trim(), settings);
  };

  it('names a seeded member or artist by slug, and anyone by UUID', () => {
    expect(token(['--role', 'MEMBER', '--member', MEMBER_SLUGS[0]!])).toMatchObject({ memberId: stableId('member', MEMBER_SLUGS[0]!) });
    expect(token(['--role', 'ARTIST', '--artist', ARTIST_SLUGS[1]!])).toMatchObject({ artistId: stableId('artist', ARTIST_SLUGS[1]!) });
    expect(token(['--role', 'TENANT', '--tenant', '0B4B1C9E-2F3A-4D5E-8F90-1A2B3C4D5E6F'])).toMatchObject({
      tenantId: '0b4b1c9e-2f3a-4d5e-8f90-1a2b3c4d5e6f',
    });
  });

  it.each([
    ['tenant', 'TENANT', 'acupunture', TENANT_SLUGS],
    ['member', 'MEMBER', 'rosalie', MEMBER_SLUGS],
    ['artist', 'ARTIST', '0b4b1c9e-2f3a-4d5e-8f90', ARTIST_SLUGS],
  ])('refuses an unknown --%s slug (%s), naming the known ones', (kind, role, value, known) => {
    const result = node('scripts/dist/token.js', ['--role', role, `--${kind}`, value]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`--${kind} "${value}" is neither a seeded ${kind} slug nor a UUID; known ${kind} slugs: ${known.join(', ')}`);
  });

  it('lists the known slugs of each kind in --help, reference tenants apart from demo ones', () => {
    const help = node('scripts/dist/token.js', ['--help']);
    expect(help.status).toBe(0);
    const line = (flag: string) => help.stdout.split('\n').find((l) => l.trim().startsWith(flag))!;
    expect(line('--tenant ')).toContain(`${REFERENCE_TENANT_SLUGS.join(', ')} (reference data, every environment); ${DEMO_TENANT_SLUGS.join(', ')} (demo)`);
    expect(line('--member ')).toContain(MEMBER_SLUGS.join(', '));
    expect(line('--artist ')).toContain(ARTIST_SLUGS.join(', '));
    expect(REFERENCE_TENANT_SLUGS).toEqual(['espace-ko', 'le-vivoir']);
    expect(DEMO_TENANT_SLUGS).toEqual(['massotherapie', 'acupuncture', 'graphisme', 'communication']);
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
