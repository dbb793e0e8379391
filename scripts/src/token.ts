import { parseArgs } from 'node:util';
import { issueToken, ROLES, type Role, type TokenClaims } from '@maison/auth';
import { readGatewayConfig } from '@maison/gateway';
import { stableId } from '@maison/house';
import { DEMO_TENANT_SLUGS, REFERENCE_TENANT_SLUGS } from '@maison/tenants/dist/seed-slugs';
import { MEMBER_SLUGS } from '@maison/coworking/dist/seed-slugs';
import { ARTIST_SLUGS } from '@maison/gallery/dist/seed-slugs';

/** The slugs a token may name, per kind: the seeds' own lists (reference data, then demo data). */
const KNOWN = {
  tenant: [...REFERENCE_TENANT_SLUGS, ...DEMO_TENANT_SLUGS],
  member: MEMBER_SLUGS,
  artist: ARTIST_SLUGS,
} as const;
type Kind = keyof typeof KNOWN;

const HELP = `Prints a development access token for the gateway.

  npm run token -- --role TENANT --tenant acupuncture
  npm run token -- --role MEMBER --member <member-slug>
  npm run token -- --role ARTIST --artist <artist-slug>
  npm run token -- --role ADMIN

Options: --role (repeatable: ${ROLES.join(', ')}), --tenant/--member/--artist <slug of a seeded one or a UUID>,
--sub <subject>, --expires <seconds, default 28800>. Signed with JWT_SECRET (the development secret by default).

Known slugs (the seeds'; demo ones exist only where the demo data is loaded, as in development):
  --tenant  ${REFERENCE_TENANT_SLUGS.join(', ')} (reference data, every environment); ${DEMO_TENANT_SLUGS.join(', ')} (demo)
  --member  ${MEMBER_SLUGS.join(', ')} (demo)
  --artist  ${ARTIST_SLUGS.join(', ')} (demo)`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A UUID as given, or the stable id of a known slug; an unknown slug is refused with the known ones. */
function idOf(kind: Kind, value: string): string {
  if (UUID.test(value)) return value.toLowerCase();
  const known: readonly string[] = KNOWN[kind];
  if (!known.includes(value)) {
    throw new Error(`--${kind} ${JSON.stringify(value)} is neither a seeded ${kind} slug nor a UUID; known ${kind} slugs: ${known.join(', ')}`);
  }
  return stableId(kind, value);
}

function main(): void {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      tenant: { type: 'string' },
      member: { type: 'string' },
      artist: { type: 'string' },
      sub: { type: 'string' },
      expires: { type: 'string', default: '28800' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const roles = (values.role ?? []).flatMap((r) => r.split(',')).map((r) => r.trim().toUpperCase());
  const unknown = roles.filter((r) => !ROLES.includes(r as Role));
  if (roles.length === 0 || unknown.length > 0) throw new Error(`--role must be one of ${ROLES.join(', ')}\n\n${HELP}`);
  if (roles.includes('TENANT') && !values.tenant) throw new Error('--role TENANT needs --tenant <slug>');
  if (roles.includes('MEMBER') && !values.member) throw new Error('--role MEMBER needs --member <slug>');
  if (roles.includes('ARTIST') && !values.artist) throw new Error('--role ARTIST needs --artist <slug>');
  const claims: TokenClaims = {
    sub: values.sub ?? `dev:${roles.join('+').toLowerCase()}:${values.tenant ?? values.member ?? values.artist ?? 'house'}`,
    roles: roles as Role[],
  };
  if (values.tenant) claims.tenantId = idOf('tenant', values.tenant);
  if (values.member) claims.memberId = idOf('member', values.member);
  if (values.artist) claims.artistId = idOf('artist', values.artist);
  const expires = Number(values.expires);
  if (!Number.isInteger(expires) || expires <= 0) throw new Error('--expires must be a positive number of seconds');
  const config = readGatewayConfig();
  process.stdout.write(`${issueToken(claims, { secret: config.jwtSecret, issuer: config.jwtIssuer, audience: config.jwtAudience }, expires)}\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
}
