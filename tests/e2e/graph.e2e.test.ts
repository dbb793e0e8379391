import { signRequest, ANONYMOUS } from '@maison/auth';
import { addDays, todayInHouse } from '@maison/house';
import { admin, asTenant, startGraph, tokenFor, withRoles, type RunningGraph } from '@maison/testing';
import jwt from 'jsonwebtoken';
import ICAL from 'ical.js';

/** The whole graph, started by the real launcher, queried through the gateway like a front end would. */
let graph: RunningGraph;
beforeAll(async () => {
  // Subgraph work is what these tests count: anonymous answers must not come from the response cache.
  graph = await startGraph({ env: { RESPONSE_CACHE: 'off' } });
  // The hold reconcilers' boot rounds call tenants: counted SQL must be the calendar's alone.
  await graph.settle();
});
afterAll(async () => {
  await graph?.stop();
});

const CALENDAR = `query($from: LocalDate!, $to: LocalDate!) {
  calendar(from: $from, to: $to) {
    date
    spaceBookings { title space { name } }
    coworkingEvents { title }
    exhibitionsOnView { title }
    vernissages { title }
  }
}`;
const SUBGRAPHS = ['tenants', 'coworking', 'gallery'] as const;

async function sqlCost(run: () => Promise<unknown>): Promise<Record<string, number>> {
  const before = await Promise.all(SUBGRAPHS.map((s) => graph.sqlStatements(s)));
  await run();
  const after = await Promise.all(SUBGRAPHS.map((s) => graph.sqlStatements(s)));
  return Object.fromEntries(SUBGRAPHS.map((s, i) => [s, after[i]! - before[i]!]));
}

describe('the house graph through the gateway', () => {
  const today = todayInHouse();

  it('answers the calendar with items from all three subgraphs', async () => {
    const { status, body } = await graph.query(CALENDAR, { from: today, to: addDays(today, 13) });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const days = body.data!.calendar as Record<string, unknown[]>[];
    expect(days).toHaveLength(14);
    const count = (field: string) => days.reduce((n, d) => n + (d[field] as unknown[]).length, 0);
    expect(count('spaceBookings')).toBeGreaterThan(0);
    expect(count('coworkingEvents')).toBeGreaterThan(0);
    expect(count('exhibitionsOnView')).toBeGreaterThan(0);
    const booking = days.flatMap((d) => d.spaceBookings as { space: { name: string } }[])[0]!;
    expect(booking.space.name).toBe('Cuisine partagée');
  });

  it('costs the same SQL statements per subgraph for 14 days, a month or 60 days as for 3', async () => {
    await graph.query(CALENDAR, { from: today, to: addDays(today, 2) }); // warm-up: nothing lazy left
    const days = async (n: number) => {
      let answer: Awaited<ReturnType<RunningGraph['query']>> | undefined;
      const cost = await sqlCost(async () => (answer = await graph.query(CALENDAR, { from: today, to: addDays(today, n - 1) })));
      expect(answer!.body.errors).toBeUndefined();
      expect(answer!.body.data!.calendar).toHaveLength(n);
      return { cost, size: JSON.stringify(answer!.body.data).length };
    };
    const three = await days(3);
    const fourteen = await days(14);
    const month = await days(31);
    const sixty = await days(60);
    expect(fourteen.cost).toEqual(three.cost);
    expect(month.cost).toEqual(three.cost);
    expect(sixty.cost).toEqual(three.cost);
    // The 60-day answer really is larger: the exhibitions on view repeat on each of its days.
    expect(sixty.size).toBeGreaterThan(10 * three.size);
    process.stdout.write(`SQL statements per calendar request (3, 14, 31 or 60 days): ${JSON.stringify(three.cost)}\n`);
    for (const s of SUBGRAPHS) expect(three.cost[s]).toBeGreaterThan(0);
  });

  it('speaks French by default and English when asked', async () => {
    const query = '{ sharedSpace(slug: "cuisine") { name } }';
    expect((await graph.query(query)).body).toEqual({ data: { sharedSpace: { name: 'Cuisine partagée' } } });
    expect((await graph.query(query, {}, { headers: { 'accept-language': 'en-CA,en;q=0.9' } })).body).toEqual({
      data: { sharedSpace: { name: 'Shared kitchen' } },
    });
  });

  it('refuses an expired or tampered token with UNAUTHENTICATED', async () => {
    const expired = jwt.sign({ sub: 'x', roles: ['ADMIN'], exp: Math.floor(Date.now() / 1000) - 60 }, 'dev-only-jwt-secret-la-maison-change-me-0001', {
      issuer: 'https://la-maison.example/auth',
      audience: 'la-maison-api',
    });
    const valid = tokenFor(asTenant('acupuncture'));
    const [h, , s] = valid.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ ...(jwt.decode(valid) as object), roles: ['ADMIN'] })).toString('base64url');
    for (const token of [expired, `${h}.${forgedPayload}.${s}`]) {
      const response = await graph.query('{ house { name } }', {}, { token });
      expect(response.status).toBe(401);
      expect(response.body).toEqual({
        errors: [
          expect.objectContaining({ message: 'Authentification requise ou jeton invalide.', extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }),
        ],
      });
    }
  });

  it('ignores identity headers a client sends itself', async () => {
    const forged = Buffer.from(JSON.stringify({ sub: 'x', roles: ['ADMIN'] })).toString('base64url');
    const query = '{ calendar(from: "' + today + '", to: "' + addDays(today, 13) + '") { spaceBookings { title } } }';
    const asAnonymous = await graph.query(query);
    const withForgedHeader = await graph.query(query, {}, { headers: { 'x-maison-identity': forged, 'x-maison-lang': 'en' } });
    const asAdmin = await graph.query(query, {}, { identity: admin });
    expect(withForgedHeader.body).toEqual(asAnonymous.body);
    const titles = (r: typeof asAdmin) => r.body.data!.calendar.flatMap((d: { spaceBookings: { title: string | null }[] }) => d.spaceBookings).length;
    expect(titles(asAdmin)).toBeGreaterThan(titles(asAnonymous));
  });

  it('passes the verified identity to the subgraphs', async () => {
    const query = '{ calendar(from: "' + today + '", to: "' + addDays(today, 13) + '") { spaceBookings { title } } }';
    const own = await graph.query(query, {}, { identity: asTenant('acupuncture') });
    const titles = own.body.data!.calendar.flatMap((d: { spaceBookings: { title: string }[] }) => d.spaceBookings.map((b) => b.title));
    expect(titles).toContain('Dîner d’équipe');
  });

  it('shows a private booking to who acts for its holder (the role with the id), not to any token naming the holder', async () => {
    const query = '{ calendar(from: "' + today + '", to: "' + addDays(today, 13) + '") { spaceBookings { title } } }';
    const titlesFor = async (identity: Parameters<typeof tokenFor>[0]) => {
      const { body } = await graph.query(query, {}, { identity });
      expect(body.errors).toBeUndefined();
      return body.data!.calendar.flatMap((d: { spaceBookings: { title: string | null }[] }) => d.spaceBookings.map((b) => b.title));
    };
    const tenant = asTenant('acupuncture');
    const namesTheTenant = withRoles('member:named', ['MEMBER'], { tenantId: tenant.tenantId });
    expect(await titlesFor(tenant)).toContain('Dîner d’équipe');
    // The calendar lists the bookings whose details the caller sees, the same rule as their title: none comes back untitled.
    expect(await titlesFor(namesTheTenant)).toEqual(await titlesFor(ANONYMOUS));
    expect(await titlesFor(namesTheTenant)).not.toContain(null);
  });

  it.each(SUBGRAPHS)('%s refuses a request sent straight to it without the gateway signature', async (name) => {
    const body = JSON.stringify({ query: '{ _service { sdl } }' });
    const unsigned = await fetch(graph.subgraphUrls[name], { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(unsigned.status).toBe(401);
    expect(await unsigned.json()).toEqual({
      errors: [{ message: 'Les requêtes doivent passer par la passerelle (signature de la passerelle absente).', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    const inEnglish = await fetch(graph.subgraphUrls[name], { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': 'en' }, body });
    expect(await inEnglish.json()).toEqual({
      errors: [{ message: 'Requests must come through the gateway (missing gateway signature).', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    const wrongKey = signRequest('w'.repeat(40), ANONYMOUS, 'fr', body);
    const forged = await fetch(graph.subgraphUrls[name], { method: 'POST', headers: { 'content-type': 'application/json', ...wrongKey }, body });
    expect(forged.status).toBe(401);
  });

  it('keeps _service and _entities out of reach of clients', async () => {
    const { body } = await graph.query('{ _service { sdl } }');
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('shows the kitchen with its bookings, its events and the artworks on its walls', async () => {
    const from = new Date().toISOString();
    const to = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const { body } = await graph.query(
      `query($from: DateTime!, $to: DateTime!) { sharedSpace(slug: "cuisine") {
        name bookings(from: $from, to: $to) { startsAt } coworkingEvents { title } artworksOnDisplay { title } } }`,
      { from, to },
    );
    expect(body.errors).toBeUndefined();
    const kitchen = body.data!.sharedSpace;
    expect(kitchen.name).toBe('Cuisine partagée');
    expect(kitchen.bookings.length).toBeGreaterThan(0);
    expect(kitchen.coworkingEvents.length).toBeGreaterThan(0);
    expect(kitchen.artworksOnDisplay.length).toBeGreaterThan(0);
  });
});

describe('the house calendar feed (/calendar.ics)', () => {
  const today = todayInHouse();
  const feedUrl = (query: string) => new URL(`/calendar.ics${query}`, graph.gatewayUrl).toString();

  it('is a valid RFC 5545 feed of the calendar, with stable UIDs, UTC times, all-day exhibitions and accents', async () => {
    const to = addDays(today, 30);
    const response = await fetch(feedUrl(`?from=${today}&to=${to}&lang=fr`));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = await response.text();
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));

    const { body } = await graph.query(
      `query($from: LocalDate!, $to: LocalDate!) { calendar(from: $from, to: $to) {
        exhibitionsOnView { id title startsOn } coworkingEvents { id title startsAt } spaceBookings { id title } } }`,
      { from: today, to },
    );
    const days = body.data!.calendar as {
      exhibitionsOnView: { id: string; title: string; startsOn: string }[];
      coworkingEvents: { id: string; title: string; startsAt: string }[];
      spaceBookings: { id: string; title: string }[];
    }[];
    const exhibitions = new Map(days.flatMap((d) => d.exhibitionsOnView).map((e) => [e.id, e]));
    const coworking = new Map(days.flatMap((d) => d.coworkingEvents).map((e) => [e.id, e]));
    const bookings = new Map(days.flatMap((d) => d.spaceBookings).map((b) => [b.id, b]));
    expect(exhibitions.size).toBeGreaterThan(0);
    expect(coworking.size).toBeGreaterThan(0);

    const byUid = new Map(events.map((e) => [e.uid, e]));
    expect(byUid.size).toBe(events.length);
    for (const [id, exhibition] of exhibitions) {
      const entry = byUid.get(`exhibition-${id}@la-maison.example`)!;
      expect(entry.summary).toBe(`Exposition : ${exhibition.title}`);
      expect(entry.startDate.isDate).toBe(true);
      expect(entry.startDate.toString()).toBe(exhibition.startsOn);
    }
    for (const [id, event] of coworking) {
      const entry = byUid.get(`coworking-event-${id}@la-maison.example`)!;
      expect(entry.summary).toBe(event.title);
      expect(entry.startDate.toJSDate().getTime()).toBe(new Date(event.startsAt).getTime());
    }
    for (const id of bookings.keys()) expect(byUid.has(`space-booking-${id}@la-maison.example`)).toBe(true);
    expect(text).toMatch(/[éèàç]/);
    expect(text).toContain('X-WR-TIMEZONE:America/Toronto');

    // Same range, same UIDs: a phone's subscription updates entries instead of duplicating them.
    const again = await (await fetch(feedUrl(`?from=${today}&to=${to}&lang=fr`))).text();
    const uids = (t: string) => [...t.matchAll(/^UID:(.*)$/gm)].map((m) => m[1]).sort();
    expect(uids(again)).toEqual(uids(text));
  });

  it('speaks English when asked', async () => {
    const text = await (await fetch(feedUrl(`?from=${today}&to=${addDays(today, 30)}&lang=en`))).text();
    expect(text).toMatch(/SUMMARY:Exhibition: /);
  });

  it('refuses a malformed date or a range longer than 92 days with a clear error', async () => {
    const bad = await fetch(feedUrl('?from=2026-02-30'));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ errors: [{ message: 'from et to doivent être des dates AAAA-MM-JJ.', extensions: { code: 'BAD_USER_INPUT' } }] });
    const long = await fetch(feedUrl(`?from=${today}&to=${addDays(today, 92)}`));
    expect(long.status).toBe(400);
    expect(((await long.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('the service API of the ledger', () => {
  it('is not part of the public graph', async () => {
    const { body } = await graph.query('mutation { releaseSpaceHold(reference: "coworking-event:x") { userErrors { code } } }', {}, { identity: admin });
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
