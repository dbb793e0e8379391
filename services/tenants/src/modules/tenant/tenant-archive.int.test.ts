import { randomUUID } from 'node:crypto';
import { addDays, stableId, todayInHouse } from '@maison/house';
import type { Identity } from '@maison/auth';
import { admin, anonymous, asTenant, useTestSubgraph } from '@maison/testing';
import { tenantsModule } from '../../module';
import { createSpace, futureHour, minutes, tenantIdentity } from '../../test-fixtures';

/** archiveTenant, and who sees an archived tenant, through GraphQL on real PostgreSQL (the seeded house). */
const graph = useTestSubgraph(tenantsModule);

const ARCHIVE = `mutation($id: ID!) { archiveTenant(id: $id) {
  tenant { id slug archivedAt offices { id } }
  cancelledBookings { id status startsAt history { action actor } }
  endedOffices { id startsOn endsOn }
  userErrors { code message field } } }`;
const CREATE = `mutation($input: CreateTenantInput!) { createTenant(input: $input) { tenant { id slug } userErrors { code } } }`;
const ASSIGN = `mutation($input: AssignOfficeInput!) { assignOffice(input: $input) { office { id startsOn endsOn } userErrors { code field } } }`;
const BOOK = `mutation($input: BookSharedSpaceInput!) { bookSharedSpace(input: $input) { booking { id } userErrors { code } } }`;

const run = async (query: string, variables: Record<string, unknown>, identity: Identity = admin, lang: 'fr' | 'en' = 'fr') =>
  (await graph.execute(query, variables, { identity, lang })).body;

async function newTenant(): Promise<{ id: string; slug: string }> {
  const slug = `archive-${randomUUID().slice(0, 8)}`;
  const body = await run(CREATE, { input: { slug, name: { fr: 'Studio à archiver' }, kind: 'PROFESSIONAL' } });
  return body.data!.createTenant.tenant;
}
const office = async (tenantId: string, startsOn?: string) =>
  (await run(ASSIGN, { input: { tenantId, name: { fr: 'Bureau' }, building: 'ANNEX', floor: 1, areaM2: 12, startsOn } })).data!.assignOffice.office;
/** A booking written straight into the ledger (a past one cannot be booked through the API). */
async function ledgerRow(spaceId: string, tenantId: string, startsAt: Date): Promise<string> {
  const id = randomUUID();
  await graph.ds.query(
    `INSERT INTO space_booking (id, space_id, holder_kind, holder_id, holder_name, created_by, title, starts_at, ends_at, occupied_until)
     VALUES ($1, $2, 'TENANT', $3, 'Studio', 'tenant-user', 'Passé', $4, $5, $5)`,
    [id, spaceId, tenantId, startsAt, minutes(startsAt, 60)],
  );
  return id;
}

describe('archiveTenant', () => {
  it('keeps the tenant, ends its current offices today and cancels its future bookings as the ADMIN, in one answer', async () => {
    const tenant = await newTenant();
    const today = todayInHouse();
    const current = await office(tenant.id, addDays(today, -30));
    const later = await office(tenant.id, addDays(today, 10));
    const spaceId = await createSpace(graph.ds);
    const past = await ledgerRow(spaceId, tenant.id, new Date(Date.now() - 3 * 86_400_000));
    const booked = await run(BOOK, { input: { spaceId, startsAt: futureHour(4, 10), endsAt: futureHour(4, 11), title: 'Atelier' } }, tenantIdentity(tenant.id));
    const future = booked.data!.bookSharedSpace.booking.id;

    const body = await run(ARCHIVE, { id: tenant.id });
    const result = body.data!.archiveTenant;
    expect(result.userErrors).toEqual([]);
    expect(result.tenant).toEqual({ id: tenant.id, slug: tenant.slug, archivedAt: expect.any(String), offices: [] });
    expect(result.cancelledBookings).toEqual([
      {
        id: future,
        status: 'CANCELLED',
        startsAt: expect.any(String),
        history: [
          { action: 'CREATED', actor: `tenant-user:${tenant.id}` },
          { action: 'CANCELLED', actor: 'admin@test' },
        ],
      },
    ]);
    // The current office is vacated today; the one that had not begun is withdrawn on its first day.
    expect(result.endedOffices).toEqual(
      expect.arrayContaining([
        { id: current.id, startsOn: addDays(today, -30), endsOn: today },
        { id: later.id, startsOn: addDays(today, 10), endsOn: addDays(today, 10) },
      ]),
    );
    expect(result.endedOffices).toHaveLength(2);
    // History stays: the row, the offices, the past booking, still CONFIRMED.
    expect(await graph.ds.query('SELECT count(*)::int AS n FROM office WHERE tenant_id = $1', [tenant.id])).toEqual([{ n: 2 }]);
    expect(await graph.ds.query('SELECT status FROM space_booking WHERE id = $1', [past])).toEqual([{ status: 'CONFIRMED' }]);
  });

  it('hides an archived tenant from everyone but ADMIN, who lists it with includeArchived; a reference still resolves it', async () => {
    const tenant = await newTenant();
    await run(ARCHIVE, { id: tenant.id });
    const slugs = async (query: string, identity: Identity) => (await run(query, {}, identity)).data!.tenants.map((t: { slug: string }) => t.slug);
    expect(await slugs('{ tenants { slug } }', anonymous)).not.toContain(tenant.slug);
    expect(await slugs('{ tenants { slug } }', admin)).not.toContain(tenant.slug);
    expect(await slugs('{ tenants(includeArchived: true) { slug } }', admin)).toContain(tenant.slug);
    expect(await slugs('{ tenants(kind: PROFESSIONAL, includeArchived: false) { slug } }', asTenant('acupuncture'))).toContain('acupuncture');
    for (const identity of [anonymous, asTenant('acupuncture')]) {
      const refused = await run('{ tenants(includeArchived: true) { slug } }', {}, identity);
      expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
    const bySlug = `{ tenant(slug: "${tenant.slug}") { slug archivedAt } }`;
    expect((await run(bySlug, {}, anonymous)).data!.tenant).toBeNull();
    expect((await run(bySlug, {}, asTenant('acupuncture'))).data!.tenant).toBeNull();
    expect((await run(bySlug, {}, admin)).data!.tenant).toEqual({ slug: tenant.slug, archivedAt: expect.any(String) });
    const reference = await run(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Tenant { slug } } }',
      { r: [{ __typename: 'Tenant', id: tenant.id }] },
      anonymous,
    );
    expect(reference).toEqual({ data: { _entities: [{ slug: tenant.slug }] } });
  });

  it('answers ALREADY_ARCHIVED the second time and NOT_FOUND for an unknown id, in French and in English', async () => {
    const tenant = await newTenant();
    expect((await run(ARCHIVE, { id: tenant.id })).data!.archiveTenant.userErrors).toEqual([]);
    expect((await run(ARCHIVE, { id: tenant.id })).data!.archiveTenant).toEqual({
      tenant: null,
      cancelledBookings: [],
      endedOffices: [],
      userErrors: [{ code: 'ALREADY_ARCHIVED', message: 'Ce locataire est archivé.', field: ['id'] }],
    });
    expect((await run(ARCHIVE, { id: randomUUID() }, admin, 'en')).data!.archiveTenant.userErrors).toEqual([
      { code: 'NOT_FOUND', message: 'Not found.', field: ['id'] },
    ]);
    expect((await run(ARCHIVE, { id: 'x' })).data!.archiveTenant.userErrors.map((e: { code: string }) => e.code)).toEqual(['NOT_FOUND']);
  });

  it('is for ADMIN only, and a refused archive changes nothing', async () => {
    const id = stableId('tenant', 'graphisme');
    expect((await run(ARCHIVE, { id }, asTenant('graphisme'))).errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect((await run(ARCHIVE, { id }, anonymous)).errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(await graph.ds.query('SELECT archived_at FROM tenant WHERE id = $1', [id])).toEqual([{ archived_at: null }]);
  });

  it('never leaves a booking of an archived tenant behind, whatever the race with its bookings', async () => {
    const tenant = await newTenant();
    const identity = tenantIdentity(tenant.id);
    const spaceId = await createSpace(graph.ds);
    const attempts = Array.from({ length: 10 }, (_, i) =>
      run(BOOK, { input: { spaceId, startsAt: futureHour(20 + i, 9), endsAt: futureHour(20 + i, 10), title: `Course ${i}` } }, identity),
    );
    const [archived, ...booked] = await Promise.all([run(ARCHIVE, { id: tenant.id }), ...attempts]);
    expect(archived.data!.archiveTenant.userErrors).toEqual([]);
    const refused = booked
      .filter((b) => b.data!.bookSharedSpace.booking === null)
      .flatMap((b) => b.data!.bookSharedSpace.userErrors.map((e: { code: string }) => e.code));
    expect(new Set(refused)).toEqual(new Set(refused.length > 0 ? ['UNKNOWN_HOLDER'] : []));
    const live = await graph.ds.query(`SELECT count(*)::int AS n FROM space_booking WHERE holder_id = $1 AND status = 'CONFIRMED'`, [tenant.id]);
    expect(live).toEqual([{ n: 0 }]);
    expect(archived.data!.archiveTenant.cancelledBookings).toHaveLength(booked.length - refused.length);
  });
});
