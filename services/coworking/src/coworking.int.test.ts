import { addDays, houseInstant, stableId, todayInHouse, toHouseIso } from '@maison/house';
import { useTestSubgraph } from '@maison/testing';
import { coworkingModule } from './module';

const graph = useTestSubgraph(coworkingModule);

const event = (slug: string) => stableId('coworking-event', slug);
const kitchen = stableId('shared-space', 'cuisine');
const at = (day: number, time: string) => toHouseIso(houseInstant(addDays(todayInHouse(), day), time));

/** The seeded events, by startsAt. */
const EVENT_ORDER = [
  'cinq-a-sept-bienvenue',
  'conference-travail-nomade',
  'atelier-facturation',
  'cinq-a-sept-mensuel',
  'dejeuner-reseautage',
  'atelier-photo-produit',
  'conference-traduction-ia',
  'cafe-bilan',
].map(event);

const PUBLIC_NAMES = [
  'Anaïs Fortin-Utopie',
  'Baptiste Ouellet-Songe',
  'Clémence Côté-Légende',
  'Éloi Bouchard-Inventé',
  'Félix Pelletier-Mirage',
  'Jérémie Bélanger-Conte',
  'Maëlle Gagnon-Chimère',
  'Noémie Lavoie-Fantaisie',
  'Rosalie Tremblay-Fictive',
  'Zacharie Morin-Fable',
];

describe('coworking subgraph', () => {
  it('sells the four plans, cheapest first, priced in CAD cents', async () => {
    const { body } = await graph.execute('{ membershipPlans { code name price { amountCents currency formatted } daysIncluded } }');
    expect(body).toEqual({
      data: {
        membershipPlans: [
          { code: 'DAY_PASS', name: 'Passe d’un jour', price: { amountCents: 2500, currency: 'CAD', formatted: '25,00\u00a0$' }, daysIncluded: null },
          {
            code: 'PART_TIME_MONTHLY',
            name: 'Abonnement mensuel à temps partiel',
            price: { amountCents: 15000, currency: 'CAD', formatted: '150,00\u00a0$' },
            daysIncluded: null,
          },
          { code: 'TEN_DAY_CARD', name: 'Carte de 10 jours', price: { amountCents: 20000, currency: 'CAD', formatted: '200,00\u00a0$' }, daysIncluded: 10 },
          {
            code: 'FULL_TIME_MONTHLY',
            name: 'Abonnement mensuel à temps plein',
            price: { amountCents: 27500, currency: 'CAD', formatted: '275,00\u00a0$' },
            daysIncluded: null,
          },
        ],
      },
    });
  });

  it('lists the public members by name, accents folded', async () => {
    const { body } = await graph.execute('{ members(first: 100) { totalCount nodes { displayName isPublic } } }');
    expect(body).toEqual({
      data: { members: { totalCount: 10, nodes: PUBLIC_NAMES.map((displayName) => ({ displayName, isPublic: true })) } },
    });
  });

  it('reads one member with their localized profession and bio', async () => {
    const query = `query($id: ID!) { member(id: $id) { id displayName profession shortBio isPublic joinedOn } }`;
    const id = stableId('member', 'maelle-gagnon');
    const fr = await graph.execute(query, { id });
    const en = await graph.execute(query, { id }, { lang: 'en' });
    const base = { id, displayName: 'Maëlle Gagnon-Chimère', isPublic: true, joinedOn: addDays(todayInHouse(), -280) };
    expect(fr.body).toEqual({
      data: { member: { ...base, profession: 'Traductrice', shortBio: 'Traduit de l’anglais et de l’espagnol vers le français.' } },
    });
    expect(en.body).toEqual({
      data: { member: { ...base, profession: 'Translator', shortBio: 'Translates from English and Spanish into French.' } },
    });
  });

  it('lists every seeded event by start, with its venue: a shared space or a room of Espace KO', async () => {
    const { body } = await graph.execute(
      '{ coworkingEvents { totalCount nodes { id kind title room sharedSpace { id } capacity membersOnly startsAt endsAt } } }',
    );
    expect(body.errors).toBeUndefined();
    const { totalCount, nodes } = body.data!.coworkingEvents;
    expect(totalCount).toBe(8);
    expect(nodes.map((n: { id: string }) => n.id)).toEqual(EVENT_ORDER);
    expect(nodes.slice(1, 4)).toEqual([
      {
        id: event('conference-travail-nomade'),
        kind: 'TALK',
        title: 'Conférence : travailler en nomade sans se perdre',
        room: 'Grande salle de l’Espace KO',
        sharedSpace: null,
        capacity: 30,
        membersOnly: false,
        startsAt: at(5, '18:30'),
        endsAt: at(5, '20:00'),
      },
      {
        id: event('atelier-facturation'),
        kind: 'WORKSHOP',
        title: 'Atelier : la facturation pour travailleurs autonomes',
        room: 'Salle de réunion',
        sharedSpace: null,
        capacity: 10,
        membersOnly: true,
        startsAt: at(7, '13:30'),
        endsAt: at(7, '16:00'),
      },
      {
        id: event('cinq-a-sept-mensuel'),
        kind: 'SOCIAL',
        title: '5 à 7 de l’Espace KO',
        room: null,
        sharedSpace: { id: kitchen },
        capacity: 12,
        membersOnly: false,
        startsAt: at(8, '17:00'),
        endsAt: at(8, '19:00'),
      },
    ]);
  });

  it('answers in French by default and in English when asked', async () => {
    const query = `query($id: ID!) { coworkingEvent(id: $id) { title description room } membershipPlans { name description price { formatted } } }`;
    const vars = { id: event('atelier-facturation') };
    const fr = await graph.execute(query, vars);
    const en = await graph.execute(query, vars, { lang: 'en' });
    expect(fr.body.data!.coworkingEvent).toEqual({
      title: 'Atelier : la facturation pour travailleurs autonomes',
      description: 'Taxes, acomptes et relances : un atelier pratique, apportez votre ordinateur.',
      room: 'Salle de réunion',
    });
    expect(en.body.data!.coworkingEvent).toEqual({
      title: 'Workshop: invoicing for freelancers',
      description: 'Sales taxes, deposits and reminders: a hands-on workshop, bring your laptop.',
      room: 'Meeting room',
    });
    expect(en.body.data!.membershipPlans[0]).toEqual({
      name: 'Day pass',
      description: 'A desk for the day, coffee and Wi-Fi included.',
      price: { formatted: '$25.00' },
    });
  });

  it('answers null for an unknown or malformed event id, without an error', async () => {
    const { body } = await graph.execute(`{ a: coworkingEvent(id: "${event('nothing-here')}") { id } b: coworkingEvent(id: "not-a-uuid") { id } }`);
    expect(body).toEqual({ data: { a: null, b: null } });
  });

  it('pages through events with first/after, pageInfo and totalCount', async () => {
    const query = `query($after: String) { coworkingEvents(first: 3, after: $after) {
      totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
    const pages: { ids: string[]; pageInfo: Record<string, unknown>; totalCount: number }[] = [];
    let after: string | null = null;
    do {
      const { body } = await graph.execute(query, { after });
      expect(body.errors).toBeUndefined();
      const c = body.data!.coworkingEvents;
      pages.push({ ids: c.edges.map((e: { node: { id: string } }) => e.node.id), pageInfo: c.pageInfo, totalCount: c.totalCount });
      expect(c.pageInfo.startCursor).toBe(c.edges[0].cursor);
      expect(c.pageInfo.endCursor).toBe(c.edges[c.edges.length - 1].cursor);
      after = c.pageInfo.hasNextPage ? c.pageInfo.endCursor : null;
    } while (after);
    expect(pages.map((p) => p.ids)).toEqual([EVENT_ORDER.slice(0, 3), EVENT_ORDER.slice(3, 6), EVENT_ORDER.slice(6)]);
    expect(pages.map((p) => [p.pageInfo.hasPreviousPage, p.pageInfo.hasNextPage, p.totalCount])).toEqual([
      [false, true, 8],
      [true, true, 8],
      [true, false, 8],
    ]);
  });

  it('keeps the events overlapping a half-open window [from, to)', async () => {
    const query = `query($from: DateTime, $to: DateTime) { coworkingEvents(from: $from, to: $to, first: 2) {
      totalCount nodes { id } pageInfo { hasNextPage } } }`;
    // Ends exactly when the welcome 5 à 7 ends, starts exactly when the monthly 5 à 7 starts: neither overlaps.
    const { body } = await graph.execute(query, { from: at(-5, '19:00'), to: at(8, '17:00') });
    expect(body).toEqual({
      data: {
        coworkingEvents: {
          totalCount: 2,
          nodes: [{ id: event('conference-travail-nomade') }, { id: event('atelier-facturation') }],
          pageInfo: { hasNextPage: false },
        },
      },
    });
    const upcoming = await graph.execute(query, { from: at(0, '00:00') });
    expect(upcoming.body.data!.coworkingEvents.totalCount).toBe(7);
  });

  it('refuses a page larger than 100, a bad cursor and a window that ends before it starts', async () => {
    const codes = async (query: string) => (await graph.execute(query)).body.errors?.map((e) => e.extensions?.code);
    expect(await codes('{ coworkingEvents(first: 101) { totalCount } }')).toEqual(['BAD_USER_INPUT']);
    expect(await codes('{ coworkingEvents(first: 0) { totalCount } }')).toEqual(['BAD_USER_INPUT']);
    expect(await codes('{ coworkingEvents(after: "not a cursor") { totalCount } }')).toEqual(['BAD_USER_INPUT']);
    expect(await codes('{ members(first: 101) { totalCount } }')).toEqual(['BAD_USER_INPUT']);
    expect(await codes(`{ coworkingEvents(from: "${at(3, '10:00')}", to: "${at(3, '10:00')}") { totalCount } }`)).toEqual(['BAD_USER_INPUT']);
  });

  it('pages through members by name', async () => {
    const query = `query($after: String) { members(first: 4, after: $after) { nodes { displayName } pageInfo { hasNextPage endCursor } } }`;
    const names: string[] = [];
    let after: string | null = null;
    do {
      const { body } = await graph.execute(query, { after });
      const c = body.data!.members;
      names.push(...c.nodes.map((n: { displayName: string }) => n.displayName));
      after = c.pageInfo.hasNextPage ? c.pageInfo.endCursor : null;
    } while (after);
    expect(names).toEqual(PUBLIC_NAMES);
  });

  it('carries its @key directives in _service { sdl }, and no Query.calendar', async () => {
    const { body } = await graph.execute('{ _service { sdl } }');
    const sdl: string = body.data!._service.sdl;
    for (const type of ['Member', 'CoworkingEvent', 'SharedSpace']) {
      expect(sdl).toMatch(new RegExp(`type ${type}\\s+@key\\(fields: "id"\\)`));
    }
    expect(sdl).toMatch(/type CalendarDay\s+@key\(fields: "date"\)/);
    expect(sdl).toContain('https://specs.apollo.dev/federation/v2.9');
    expect(sdl).toMatch(
      /coworkingEvents\(\s*"""[^"]*"""\s*from: DateTime\s*"""[^"]*"""\s*to: DateTime\s*"""[^"]*"""\s*first: Int\s*"""[^"]*"""\s*after: String\s*\): CoworkingEventConnection!/,
    );
    expect(sdl).not.toMatch(/\bcalendar\(/);
  });

  it('seeds idempotently: a second run changes nothing', async () => {
    const count = async () =>
      (
        await graph.ds.query(`SELECT (SELECT count(*) FROM member) AS members, (SELECT count(*) FROM membership) AS memberships,
        (SELECT count(*) FROM membership_plan) AS plans, (SELECT count(*) FROM coworking_event) AS events`)
      )[0];
    const before = await count();
    await coworkingModule.demo!(graph.ds);
    expect(await count()).toEqual(before);
    expect(before).toEqual({ members: '12', memberships: '12', plans: '4', events: '8' });
  });
});
