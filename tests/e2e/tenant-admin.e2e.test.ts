import { randomUUID } from 'node:crypto';
import { addDays, houseInstant, stableId, todayInHouse } from '@maison/house';
import { admin, startGraph, withRoles, type RunningGraph } from '@maison/testing';

/**
 * Tenants managed through the API, through the gateway (issue 12, promises 2 and 6): ADMIN creates a
 * tenant and gives it an office, the tenant's token books the kitchen, ADMIN archives the tenant;
 * its future booking is cancelled, its token books nothing more, and the public list forgets it.
 */
let graph: RunningGraph;
beforeAll(async () => {
  graph = await startGraph();
});
afterAll(async () => {
  await graph?.stop();
});

const kitchen = stableId('shared-space', 'cuisine');
const BOOK = `mutation($input: BookSharedSpaceInput!) { bookSharedSpace(input: $input) { booking { id status } userErrors { code message } } }`;
const publicSlugs = async () => ((await graph.query('{ tenants { slug } }')).body.data!.tenants as { slug: string }[]).map((t) => t.slug);

describe('a tenant’s life through the gateway', () => {
  it('is created, gets an office, books the kitchen, and once archived loses its booking, its token and its place in the list', async () => {
    const slug = `atelier-${randomUUID().slice(0, 8)}`;
    const created = await graph.query(
      `mutation($input: CreateTenantInput!) { createTenant(input: $input) { tenant { id slug name archivedAt } userErrors { code } } }`,
      { input: { slug, name: { fr: 'Atelier de reliure', en: 'Bookbinding studio' }, kind: 'PROFESSIONAL', contactEmail: 'reliure@atelier.example' } },
      { identity: admin },
    );
    expect(created.body.data!.createTenant).toEqual({ tenant: { id: expect.any(String), slug, name: 'Atelier de reliure', archivedAt: null }, userErrors: [] });
    const tenantId: string = created.body.data!.createTenant.tenant.id;

    const assigned = await graph.query(
      `mutation($input: AssignOfficeInput!) { assignOffice(input: $input) { office { id startsOn endsOn } userErrors { code } } }`,
      { input: { tenantId, name: { fr: 'Bureau A-3', en: 'Office A-3' }, building: 'ANNEX', floor: 1, areaM2: 15 } },
      { identity: admin },
    );
    const office = assigned.body.data!.assignOffice.office;
    expect(office).toEqual({ id: expect.any(String), startsOn: todayInHouse(), endsOn: null });
    const seen = await graph.query(`{ tenant(slug: "${slug}") { offices { id name } } }`, {}, { headers: { 'accept-language': 'en' } });
    expect(seen.body.data).toEqual({ tenant: { offices: [{ id: office.id, name: 'Office A-3' }] } });
    expect(await publicSlugs()).toContain(slug);

    const token = withRoles(`tenant:${slug}`, ['TENANT'], { tenantId });
    const day = addDays(todayInHouse(), 41);
    const input = { spaceId: kitchen, startsAt: houseInstant(day, '07:00'), endsAt: houseInstant(day, '08:00'), title: 'Atelier de reliure' };
    const booked = await graph.query(BOOK, { input }, { identity: token });
    expect(booked.body.data!.bookSharedSpace.userErrors).toEqual([]);
    const bookingId: string = booked.body.data!.bookSharedSpace.booking.id;

    const archived = await graph.query(
      `mutation($id: ID!) { archiveTenant(id: $id) {
        tenant { archivedAt } cancelledBookings { id status history { action actor } } endedOffices { id endsOn } userErrors { code } } }`,
      { id: tenantId },
      { identity: admin },
    );
    expect(archived.body.data!.archiveTenant).toEqual({
      tenant: { archivedAt: expect.any(String) },
      cancelledBookings: [
        {
          id: bookingId,
          status: 'CANCELLED',
          history: [
            { action: 'CREATED', actor: `tenant:${slug}` },
            { action: 'CANCELLED', actor: admin.sub },
          ],
        },
      ],
      endedOffices: [{ id: office.id, endsOn: todayInHouse() }],
      userErrors: [],
    });

    const again = await graph.query(BOOK, { input }, { identity: token });
    expect(again.body.data!.bookSharedSpace).toEqual({
      booking: null,
      userErrors: [{ code: 'UNKNOWN_HOLDER', message: 'Le locataire, le membre ou l’artiste nommé par votre jeton n’existe pas ou est archivé.' }],
    });
    const inEnglish = await graph.query(BOOK, { input }, { identity: token, headers: { 'accept-language': 'en' } });
    expect(inEnglish.body.data!.bookSharedSpace.userErrors).toEqual([
      { code: 'UNKNOWN_HOLDER', message: 'The tenant, member or artist named by your token does not exist or is archived.' },
    ]);

    expect(await publicSlugs()).not.toContain(slug);
    expect((await graph.query(`{ tenant(slug: "${slug}") { slug } }`)).body.data).toEqual({ tenant: null });
    const forAdmin = await graph.query('{ tenants(includeArchived: true) { slug archivedAt } }', {}, { identity: admin });
    expect(forAdmin.body.data!.tenants).toContainEqual({ slug, archivedAt: expect.any(String) });
  });
});
