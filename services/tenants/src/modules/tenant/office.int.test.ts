import { randomUUID } from 'node:crypto';
import { addDays, stableId, todayInHouse } from '@maison/house';
import type { Identity } from '@maison/auth';
import { admin, anonymous, asTenant, useTestSubgraph } from '@maison/testing';
import { tenantsModule } from '../../module';
import { createTenant } from '../../test-fixtures';

/** assignOffice and endOffice through GraphQL, on real PostgreSQL (the seeded house). */
const graph = useTestSubgraph(tenantsModule);

const ASSIGN = `mutation($input: AssignOfficeInput!) {
  assignOffice(input: $input) { office { id name building floor areaM2 startsOn endsOn } userErrors { code message field } } }`;
const END = `mutation($id: ID!, $endsOn: LocalDate) { endOffice(id: $id, endsOn: $endsOn) { office { id startsOn endsOn } userErrors { code message field } } }`;

const run = async (query: string, variables: Record<string, unknown>, identity: Identity = admin, lang: 'fr' | 'en' = 'fr') =>
  (await graph.execute(query, variables, { identity, lang })).body;
const assign = async (input: Record<string, unknown>, lang: 'fr' | 'en' = 'fr') => (await run(ASSIGN, { input }, admin, lang)).data!.assignOffice;
const end = async (id: string, endsOn?: string, lang: 'fr' | 'en' = 'fr') => (await run(END, { id, endsOn }, admin, lang)).data!.endOffice;
const codes = (payload: { userErrors: { code: string; field: string[] | null }[] }) => payload.userErrors.map((e) => [e.code, e.field?.join('.')]);
const officesOf = async (slug: string) =>
  (await run(`{ tenant(slug: "${slug}") { offices { id } } }`, {}, anonymous)).data!.tenant.offices.map((o: { id: string }) => o.id);
const slugOf = async (id: string) => (await graph.ds.query('SELECT slug FROM tenant WHERE id = $1', [id]))[0].slug as string;
const input = (tenantId: string, extra: Record<string, unknown> = {}) => ({
  tenantId,
  name: { fr: 'Bureau 301', en: 'Office 301' },
  building: 'MAIN_HOUSE',
  floor: 3,
  areaM2: 14.25,
  ...extra,
});

describe('assignOffice', () => {
  it('gives a tenant an office from today (house time) by default, listed in its offices, named in the caller’s language', async () => {
    const tenantId = await createTenant(graph.ds);
    const fr = await assign(input(tenantId));
    expect(fr).toEqual({
      office: { id: expect.any(String), name: 'Bureau 301', building: 'MAIN_HOUSE', floor: 3, areaM2: 14.3, startsOn: todayInHouse(), endsOn: null },
      userErrors: [],
    });
    const later = await assign(input(tenantId, { startsOn: addDays(todayInHouse(), 30) }), 'en');
    expect(later.office).toEqual(expect.objectContaining({ name: 'Office 301', startsOn: addDays(todayInHouse(), 30) }));
    expect((await officesOf(await slugOf(tenantId))).sort()).toEqual([fr.office.id, later.office.id].sort());
  });

  it('checks the floor, the area and the name on both sides of their bounds', async () => {
    const tenantId = await createTenant(graph.ds);
    for (const floor of [-1, 4]) expect(codes(await assign(input(tenantId, { floor })))).toEqual([]);
    for (const floor of [-2, 5]) expect(codes(await assign(input(tenantId, { floor })))).toEqual([['INVALID_INPUT', 'input.floor']]);
    for (const areaM2 of [0.1, 5000]) expect(codes(await assign(input(tenantId, { areaM2 })))).toEqual([]);
    for (const areaM2 of [0, -4, 0.04, 5000.1, 1e9]) expect(codes(await assign(input(tenantId, { areaM2 })))).toEqual([['INVALID_INPUT', 'input.areaM2']]);
    expect(codes(await assign(input(tenantId, { name: { fr: 'b'.repeat(101) } })))).toEqual([['INVALID_INPUT', 'input.name.fr']]);
    expect((await assign(input(tenantId, { floor: 9 }), 'en')).userErrors).toEqual([
      { code: 'INVALID_INPUT', message: 'The value of "floor" is invalid: -1 – 4.', field: ['input', 'floor'] },
    ]);
    expect((await assign(input(tenantId, { floor: 9 }))).userErrors[0].message).toBe('La valeur de « floor » est invalide : -1 – 4.');
  });

  it('refuses an unknown tenant (NOT_FOUND) and an archived one (ALREADY_ARCHIVED), and writes nothing', async () => {
    expect(codes(await assign(input(randomUUID())))).toEqual([['NOT_FOUND', 'input.tenantId']]);
    expect(codes(await assign(input('pas-un-id')))).toEqual([['NOT_FOUND', 'input.tenantId']]);
    const archived = await createTenant(graph.ds, { archived: true });
    expect((await assign(input(archived), 'en')).userErrors).toEqual([
      { code: 'ALREADY_ARCHIVED', message: 'This tenant is archived.', field: ['input', 'tenantId'] },
    ]);
    expect(await graph.ds.query('SELECT 1 FROM office WHERE tenant_id = $1', [archived])).toEqual([]);
  });

  it('is for ADMIN only', async () => {
    const tenantId = stableId('tenant', 'acupuncture');
    expect((await run(ASSIGN, { input: input(tenantId) }, asTenant('acupuncture'))).errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect((await run(ASSIGN, { input: input(tenantId) }, anonymous)).errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('endOffice', () => {
  it('ends an office today by default: it leaves the tenant’s offices at once, and stays in the ledger of the house', async () => {
    const tenantId = await createTenant(graph.ds);
    const { office } = await assign(input(tenantId, { startsOn: addDays(todayInHouse(), -100) }));
    expect(await end(office.id)).toEqual({ office: { id: office.id, startsOn: addDays(todayInHouse(), -100), endsOn: todayInHouse() }, userErrors: [] });
    expect(await officesOf(await slugOf(tenantId))).toEqual([]);
    expect(await graph.ds.query('SELECT count(*)::int AS n FROM office WHERE id = $1', [office.id])).toEqual([{ n: 1 }]);
  });

  it('takes an end on its first day or later, sets a future end that keeps it listed until then, and ends it only once', async () => {
    const tenantId = await createTenant(graph.ds);
    const startsOn = addDays(todayInHouse(), -10);
    const { office } = await assign(input(tenantId, { startsOn }));
    expect((await end(office.id, addDays(startsOn, -1))).userErrors).toEqual([
      { code: 'INVALID_RANGE', message: 'La fin doit être postérieure au début.', field: ['endsOn'] },
    ]);
    expect((await end(office.id, addDays(todayInHouse(), 5))).office.endsOn).toBe(addDays(todayInHouse(), 5));
    expect(await officesOf(await slugOf(tenantId))).toEqual([office.id]);
    expect(codes(await end(office.id, startsOn))).toEqual([]);
    expect((await end(office.id, undefined, 'en')).userErrors).toEqual([{ code: 'ALREADY_ENDED', message: 'This office has already ended.', field: ['id'] }]);
    expect((await end(office.id)).userErrors[0].message).toBe('Ce bureau a déjà pris fin.');
  });

  it('withdraws an office that has not begun by ending it on its first day', async () => {
    const tenantId = await createTenant(graph.ds);
    const startsOn = addDays(todayInHouse(), 20);
    const { office } = await assign(input(tenantId, { startsOn }));
    expect(codes(await end(office.id))).toEqual([['INVALID_RANGE', 'endsOn']]);
    expect(codes(await end(office.id, startsOn))).toEqual([]);
    expect(await officesOf(await slugOf(tenantId))).toEqual([]);
    expect(codes(await end(office.id, addDays(startsOn, 3)))).toEqual([['ALREADY_ENDED', 'id']]);
  });

  it('names an unknown or malformed office NOT_FOUND, and is for ADMIN only', async () => {
    expect(codes(await end(randomUUID()))).toEqual([['NOT_FOUND', 'id']]);
    expect(codes(await end('bureau-1'))).toEqual([['NOT_FOUND', 'id']]);
    const seeded = stableId('office', 'acupuncture/bureau');
    expect((await run(END, { id: seeded }, asTenant('acupuncture'))).errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(await officesOf('acupuncture')).toEqual([seeded]);
  });
});
