import { addDays, houseInstant, stableId, todayInHouse, toHouseIso } from '@maison/house';
import { admin, anonymous, startGraph, type RunningGraph } from '@maison/testing';
import type { Identity } from '@maison/auth';

/**
 * An operator's day, through the gateway, as the people who run the house live it: a new tenant
 * and its office, a new kitchen quota that the tenant meets, the terrace closed for a day, an
 * event too big for the kitchen held only with an override, and the tenant archived. Every step
 * answers in French by default and in English when asked.
 */
let graph: RunningGraph;
beforeAll(async () => {
  graph = await startGraph();
});
afterAll(async () => {
  await graph?.stop();
});

const kitchen = stableId('shared-space', 'cuisine');
const terrace = stableId('shared-space', 'terrasse');
const EN = { 'accept-language': 'en' };

/** A Monday three weeks ahead: inside the kitchen's 60-day horizon, clear of the demo bookings of the coming days. */
const monday = (() => {
  const today = todayInHouse();
  const isoWeekday = new Date(`${today}T12:00:00Z`).getUTCDay() || 7;
  return addDays(today, 21 + ((8 - isoWeekday) % 7));
})();
const at = (dayOfWeek: number, time: string) => houseInstant(addDays(monday, dayOfWeek), time);

const ask = (query: string, variables: Record<string, unknown>, identity: Identity, headers: Record<string, string> = {}) =>
  graph.data(query, variables, { identity, headers });

const CREATE_TENANT = `mutation($input: CreateTenantInput!) {
  createTenant(input: $input) { tenant { id slug name kind archivedAt } userErrors { code field message } } }`;
const ASSIGN_OFFICE = `mutation($input: AssignOfficeInput!) {
  assignOffice(input: $input) { office { id name building floor areaM2 startsOn endsOn } userErrors { code field message } } }`;
const UPDATE_RULES = `mutation($id: ID!, $rules: SpaceRulesInput!) {
  updateSpaceRules(spaceId: $id, rules: $rules) { space { slug weeklyQuotaMinutes season { startsOn endsOn } } conflicts { id } userErrors { code field message } } }`;
const BOOK = `mutation($input: BookSharedSpaceInput!) { bookSharedSpace(input: $input) { booking { id startsAt } userErrors { code field message } } }`;
const CLOSE = `mutation($input: CloseSharedSpaceInput!) { closeSharedSpace(input: $input) { booking { id kind } userErrors { code message } } }`;
const AVAILABILITY = `query($slug: String!, $date: LocalDate!) { sharedSpace(slug: $slug) { availability(date: $date, durationMinutes: 60) { startsAt } } }`;
const CREATE_EVENT = `mutation($input: CreateCoworkingEventInput!) {
  createCoworkingEvent(input: $input) { event { id } userErrors { code field message } } }`;
const HISTORY = `query($f: DateTime!, $t: DateTime!) { sharedSpace(slug: "cuisine") { bookings(from: $f, to: $t) { kind startsAt history { action overrideReason } } } }`;
const ARCHIVE = `mutation($id: ID!) { archiveTenant(id: $id) { tenant { archivedAt } cancelledBookings { id status } userErrors { code message } } }`;
const TENANTS = `{ tenants { slug } }`;

describe('an operator’s day', () => {
  let tenantId = '';
  let potter: Identity = anonymous;
  const booked: string[] = [];

  it('creates a tenant and gives it an office', async () => {
    const input = {
      slug: 'poterie-du-quai',
      name: { fr: 'Poterie du Quai', en: 'Quay Pottery' },
      kind: 'PROFESSIONAL',
      profession: { fr: 'Céramique', en: 'Ceramics' },
      contactEmail: 'bonjour@poterie.example',
    };
    const created = (await ask(CREATE_TENANT, { input }, admin)).createTenant;
    expect(created.userErrors).toEqual([]);
    expect(created.tenant).toMatchObject({ slug: 'poterie-du-quai', name: 'Poterie du Quai', kind: 'PROFESSIONAL', archivedAt: null });
    tenantId = created.tenant.id;
    potter = { sub: 'potter@test', roles: ['TENANT'], tenantId };

    const again = (await ask(CREATE_TENANT, { input }, admin, EN)).createTenant;
    expect(again.tenant).toBeNull();
    expect(again.userErrors).toEqual([expect.objectContaining({ field: ['input', 'slug'] })]);
    const againFr = (await ask(CREATE_TENANT, { input }, admin)).createTenant;
    expect(againFr.userErrors[0].code).toBe(again.userErrors[0].code);
    expect(againFr.userErrors[0].message).not.toBe(again.userErrors[0].message);

    const office = (
      await ask(ASSIGN_OFFICE, { input: { tenantId, name: { fr: 'Bureau A-3', en: 'Office A-3' }, building: 'ANNEX', floor: 1, areaM2: 14.5 } }, admin, EN)
    ).assignOffice;
    expect(office.userErrors).toEqual([]);
    expect(office.office).toMatchObject({ name: 'Office A-3', building: 'ANNEX', floor: 1, areaM2: 14.5, startsOn: todayInHouse(), endsOn: null });
    const listed = await ask(`query($slug: String!) { tenant(slug: $slug) { name offices { name } } }`, { slug: 'poterie-du-quai' }, anonymous);
    expect(listed.tenant).toEqual({ name: 'Poterie du Quai', offices: [{ name: 'Bureau A-3' }] });
  });

  it('lowers the kitchen’s weekly quota; the new tenant books within it and is refused beyond it', async () => {
    const changed = (await ask(UPDATE_RULES, { id: kitchen, rules: { weeklyQuotaMinutes: 120 } }, admin)).updateSpaceRules;
    expect(changed.userErrors).toEqual([]);
    expect(changed.space.weeklyQuotaMinutes).toBe(120);
    // The public read shows the new rule at once (the response cache does not keep the old one).
    expect((await ask(`{ sharedSpace(slug: "cuisine") { weeklyQuotaMinutes } }`, {}, anonymous)).sharedSpace.weeklyQuotaMinutes).toBe(120);

    for (const day of [1, 2]) {
      const answer = (await ask(BOOK, { input: { spaceId: kitchen, startsAt: at(day, '07:00'), endsAt: at(day, '08:00'), title: 'Émaillage' } }, potter))
        .bookSharedSpace;
      expect(answer.userErrors).toEqual([]);
      booked.push(answer.booking.id);
    }
    const beyond = { input: { spaceId: kitchen, startsAt: at(3, '07:00'), endsAt: at(3, '07:30'), title: 'Cuisson' } };
    const fr = (await ask(BOOK, beyond, potter)).bookSharedSpace;
    const en = (await ask(BOOK, beyond, potter, EN)).bookSharedSpace;
    expect(fr).toEqual({
      booking: null,
      userErrors: [expect.objectContaining({ code: 'QUOTA_EXCEEDED', message: 'Votre quota hebdomadaire pour cet espace est atteint.' })],
    });
    expect(en.userErrors).toEqual([expect.objectContaining({ code: 'QUOTA_EXCEEDED', message: 'Your weekly quota for this space is used up.' })]);
    // And availability no longer offers that week's slots to the tenant.
    expect((await ask(AVAILABILITY, { slug: 'cuisine', date: addDays(monday, 3) }, potter)).sharedSpace.availability).toEqual([]);
  });

  it('opens the terrace all year, then closes it for a day', async () => {
    const opened = (await ask(UPDATE_RULES, { id: terrace, rules: { allYear: true } }, admin)).updateSpaceRules;
    expect(opened.userErrors).toEqual([]);
    expect(opened.space.season).toBeNull();
    const day = addDays(monday, 4);
    expect((await ask(AVAILABILITY, { slug: 'terrasse', date: day }, potter)).sharedSpace.availability.length).toBeGreaterThan(0);

    const closed = (
      await ask(
        CLOSE,
        { input: { spaceId: terrace, startsAt: houseInstant(day, '00:00'), endsAt: houseInstant(addDays(day, 1), '00:00'), reason: 'Entretien' } },
        admin,
      )
    ).closeSharedSpace;
    expect(closed).toEqual({ booking: { id: expect.any(String), kind: 'CLOSURE' }, userErrors: [] });
    expect((await ask(AVAILABILITY, { slug: 'terrasse', date: day }, potter)).sharedSpace.availability).toEqual([]);
    const refused = (
      await ask(BOOK, { input: { spaceId: terrace, startsAt: houseInstant(day, '12:00'), endsAt: houseInstant(day, '13:00'), title: 'Dîner' } }, potter, EN)
    ).bookSharedSpace;
    expect(refused.userErrors).toEqual([expect.objectContaining({ code: 'SLOT_UNAVAILABLE' })]);
  });

  it('refuses an event too big for the kitchen, then holds it with an override and its reason', async () => {
    const input = {
      kind: 'WORKSHOP',
      title: { fr: 'Grand atelier de poterie', en: 'Big pottery workshop' },
      startsAt: at(4, '13:00'),
      endsAt: at(4, '16:00'),
      capacity: 40,
      sharedSpaceId: kitchen,
    };
    const fr = (await ask(CREATE_EVENT, { input }, admin)).createCoworkingEvent;
    expect(fr).toEqual({
      event: null,
      userErrors: [{ code: 'OVER_CAPACITY', field: ['input', 'capacity'], message: 'Cet espace accueille au plus 12 personnes.' }],
    });
    const en = (await ask(CREATE_EVENT, { input }, admin, EN)).createCoworkingEvent;
    expect(en.userErrors).toEqual([{ code: 'OVER_CAPACITY', field: ['input', 'capacity'], message: 'This space holds at most 12 people.' }]);

    const reason = 'Tables ajoutées dans le salon attenant';
    const held = (await ask(CREATE_EVENT, { input: { ...input, spaceRulesOverride: { reason } } }, admin)).createCoworkingEvent;
    expect(held.userErrors).toEqual([]);
    const rows = await pollKitchen(at(4, '00:00'), at(5, '00:00'), (r) => r.kind === 'EVENT');
    expect(rows).toEqual([
      expect.objectContaining({ kind: 'EVENT', startsAt: toHouseIso(input.startsAt), history: [{ action: 'CREATED', overrideReason: reason }] }),
    ]);
  });

  it('archives the tenant: its future bookings cancelled, gone from the public list, its token refused', async () => {
    const archived = (await ask(ARCHIVE, { id: tenantId }, admin)).archiveTenant;
    expect(archived.userErrors).toEqual([]);
    expect(archived.tenant.archivedAt).toEqual(expect.any(String));
    expect(archived.cancelledBookings.map((b: { id: string }) => b.id).sort()).toEqual([...booked].sort());
    expect(archived.cancelledBookings.every((b: { status: string }) => b.status === 'CANCELLED')).toBe(true);

    const slugs = (await ask(TENANTS, {}, anonymous)).tenants.map((t: { slug: string }) => t.slug);
    expect(slugs).not.toContain('poterie-du-quai');
    expect(slugs).toContain('espace-ko');

    const again = { input: { spaceId: kitchen, startsAt: at(1, '07:00'), endsAt: at(1, '08:00'), title: 'Émaillage' } };
    const fr = (await ask(BOOK, again, potter)).bookSharedSpace;
    const en = (await ask(BOOK, again, potter, EN)).bookSharedSpace;
    expect(fr.userErrors).toEqual([
      expect.objectContaining({ code: 'UNKNOWN_HOLDER', message: 'Le locataire, le membre ou l’artiste nommé par votre jeton n’existe pas ou est archivé.' }),
    ]);
    expect(en.userErrors).toEqual([
      expect.objectContaining({ code: 'UNKNOWN_HOLDER', message: 'The tenant, member or artist named by your token does not exist or is archived.' }),
    ]);
  });
});

type KitchenRow = { kind: string; startsAt: string; history: { action: string; overrideReason: string | null }[] };

/** The kitchen's rows of a window as ADMIN reads them, once the hold of an event has reached the ledger. */
async function pollKitchen(from: Date, to: Date, wanted: (row: KitchenRow) => boolean): Promise<KitchenRow[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const rows: KitchenRow[] = (await ask(HISTORY, { f: from, t: to }, admin)).sharedSpace.bookings.filter(wanted);
    if (rows.length > 0 || Date.now() > deadline) return rows;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
