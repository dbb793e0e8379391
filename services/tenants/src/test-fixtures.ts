import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { DEV_SIGNING_SECRET } from '@maison/config';
import type { DataSource } from 'typeorm';
import { verifyRequest, type Identity } from '@maison/auth';
import { addDays, houseInstant, todayInHouse } from '@maison/house';

/** Test-only helpers of the tenants subgraph (excluded from the build). */
export interface SpaceOverrides {
  slug?: string;
  capacity?: number;
  openingHours?: { weekday: number; opens: string; closes: string }[];
  season?: [string, string] | null;
  bufferMinutes?: number;
  minDurationMinutes?: number;
  maxDurationMinutes?: number;
  horizonDays?: number;
  minNoticeMinutes?: number;
  weeklyQuotaMinutes?: number | null;
  cancellationCutoffMinutes?: number;
  eligibleRoles?: string[];
  slotStepMinutes?: number;
}

export const allWeek = (opens = '00:00', closes = '24:00') => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens, closes }));

/** A space open all day every day with no limits but those asked for: each test isolates its rule. */
export async function createSpace(ds: DataSource, o: SpaceOverrides = {}): Promise<string> {
  const id = randomUUID();
  await ds.query(
    `INSERT INTO shared_space (id, slug, name, capacity, opening_hours, season_starts, season_ends, buffer_minutes, min_duration_minutes,
       max_duration_minutes, horizon_days, min_notice_minutes, weekly_quota_minutes, cancellation_cutoff_minutes, eligible_roles, slot_step_minutes)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
    [
      id,
      o.slug ?? `test-${id.slice(0, 8)}`,
      { fr: `Espace d’essai ${id.slice(0, 4)}`, en: `Test space ${id.slice(0, 4)}` },
      o.capacity ?? 20,
      JSON.stringify(o.openingHours ?? allWeek()),
      o.season?.[0] ?? null,
      o.season?.[1] ?? null,
      o.bufferMinutes ?? 0,
      o.minDurationMinutes ?? 15,
      o.maxDurationMinutes ?? 1440,
      o.horizonDays ?? 730,
      o.minNoticeMinutes ?? 0,
      o.weeklyQuotaMinutes ?? null,
      o.cancellationCutoffMinutes ?? 0,
      o.eligibleRoles ?? ['TENANT', 'MEMBER', 'ARTIST'],
      o.slotStepMinutes ?? 30,
    ],
  );
  return id;
}

/** A tenant row with a fresh id and slug (one statement): what a TENANT token must name to book. */
export async function createTenant(ds: DataSource, o: { archived?: boolean } = {}): Promise<string> {
  return (await createTenants(ds, 1, o))[0]!;
}

/** `count` tenant rows in one statement. */
export async function createTenants(ds: DataSource, count: number, o: { archived?: boolean } = {}): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  await ds.query(
    `INSERT INTO tenant (id, slug, name, kind, archived_at)
     SELECT id, 'essai-' || replace(id::text, '-', ''), jsonb_build_object('fr', 'Locataire d’essai ' || left(id::text, 8)), 'PROFESSIONAL',
       CASE WHEN $2 THEN now() END
     FROM unnest($1::uuid[]) AS id`,
    [ids, o.archived ?? false],
  );
  return ids;
}

/** The identity of a tenant's user. */
export const tenantIdentity = (tenantId: string): Identity => ({ sub: `tenant-user:${tenantId}`, roles: ['TENANT'], tenantId });

/** A tenant identity for a fresh tenant row: a distinct holder each time. */
export const someTenant = async (ds: DataSource): Promise<Identity> => tenantIdentity(await createTenant(ds));

/** `count` identities of fresh tenants, in one statement: many distinct holders for concurrency tests. */
export const someTenants = async (ds: DataSource, count: number): Promise<Identity[]> => (await createTenants(ds, count)).map(tenantIdentity);

/** A whole hour in house time, `days` days from now, at hh:00 local. */
export function futureHour(days: number, hour: number): Date {
  return houseInstant(addDays(todayInHouse(), days), `${String(hour).padStart(2, '0')}:00`);
}

export const minutes = (date: Date, n: number) => new Date(date.getTime() + n * 60_000);

/**
 * A subgraph as the tenants subgraph's service calls see it: a small HTTP peer that checks the
 * tenants subgraph's signature like the real one does and answers `_entities` with `entityOf` for
 * each representation. `calls` lists the signed caller of each request.
 */
async function startEntitiesPeer(entityOf: (id: string) => unknown): Promise<{ url: string; calls: string[]; close: () => void }> {
  const calls: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const { identity } = verifyRequest(DEV_SIGNING_SECRET, req.headers, body, 60);
      const { variables } = JSON.parse(body.toString());
      calls.push(identity.sub!);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ data: { _entities: (variables.r as { id: string }[]).map((r) => entityOf(r.id)) } }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}/graphql`, calls, close: () => server.close() };
}

/**
 * The coworking subgraph as the membership checker sees it: answers ACTIVE for the members in
 * `active`, no member at all (a null entity) for those in `unknown`, and EXPIRED for the others.
 */
export function startMembershipStub(active: Set<string>, unknown: Set<string> = new Set()): Promise<{ url: string; calls: string[]; close: () => void }> {
  return startEntitiesPeer((id) => (unknown.has(id) ? null : { currentMembership: active.has(id) ? { status: 'ACTIVE' } : { status: 'EXPIRED' } }));
}

/**
 * The gallery subgraph as the artist checker sees it: the artists in `known` exist, any other id is
 * a null entity, as the real Artist reference answers. One request may carry many artists.
 */
export function startGalleryStub(known: Set<string>): Promise<{ url: string; calls: string[]; close: () => void }> {
  return startEntitiesPeer((id) => (known.has(id) ? { id } : null));
}
