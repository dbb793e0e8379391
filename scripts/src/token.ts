import { parseArgs } from 'node:util';
import { issueToken, ROLES, type Role, type TokenClaims } from '@maison/auth';
import { readGatewayConfig } from '@maison/gateway';
import { stableId } from '@maison/house';

const HELP = `Prints a development access token for the gateway.

  npm run token -- --role TENANT --tenant acupuncture
  npm run token -- --role MEMBER --member <member-slug>
  npm run token -- --role ARTIST --artist <artist-slug>
  npm run token -- --role ADMIN

Options: --role (repeatable: ${ROLES.join(', ')}), --tenant/--member/--artist <slug of a seeded one or a UUID>,
--sub <subject>, --expires <seconds, default 28800>. Signed with JWT_SECRET (the development secret by default).`;

const idOf = (kind: string, value: string) => (/^[0-9a-f-]{36}$/i.test(value) ? value.toLowerCase() : stableId(kind, value));

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
