import { randomUUID } from 'node:crypto';
import type { Identity } from '@maison/auth';
import { stableId, toHouseIso } from '@maison/house';
import { admin, anonymous, asTenant, startTestSubgraph } from '@maison/testing';
import { coworkingModule } from '../../module';
import type { CoworkingLoaders, CoworkingServices } from '../../services';
import { activeMember, futureHour, minutes, someTenant } from '../../test-fixtures';

/** ADMIN's events in rooms of Espace KO: validation, permissions, updates and cancellation. No TENANTS_URL here. */
type Graph = Awaited<ReturnType<typeof startTestSubgraph<CoworkingServices, CoworkingLoaders>>>;
let graph: Graph;
beforeAll(async () => {
  graph = await startTestSubgraph(coworkingModule);
});
afterAll(async () => {
  await graph?.close();
});

const FIELDS = 'id kind title description room capacity membersOnly startsAt endsAt seatsLeft cancelledAt sharedSpace { id }';
const CREATE = `mutation($input: CreateCoworkingEventInput!) { createCoworkingEvent(input: $input) { event { ${FIELDS} } userErrors { code field } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateCoworkingEventInput!) { updateCoworkingEvent(id: $id, input: $input) { event { ${FIELDS} } userErrors { code field } } }`;
const CANCEL = `mutation($id: ID!) { cancelCoworkingEvent(id: $id) { event { id cancelledAt } userErrors { code field } } }`;

const start = futureHour(6, 14);
const valid = (extra: Record<string, unknown> = {}) => ({
  kind: 'WORKSHOP',
  title: { fr: 'Atelier : tricot et code', en: 'Workshop: knitting and code' },
  startsAt: start,
  endsAt: minutes(start, 120),
  capacity: 12,
  room: { fr: 'Salle de réunion', en: 'Meeting room' },
  ...extra,
});

const create = async (input: Record<string, unknown>, identity: Identity = admin, lang: 'fr' | 'en' = 'fr') => {
  const { body } = await graph.execute(CREATE, { input }, { identity, lang });
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!.createCoworkingEvent;
};
const codes = async (input: Record<string, unknown>) =>
  (await create(input)).userErrors.map((e: { code: string; field: string[] }) => `${e.code}@${e.field.join('.')}`);
const update = async (id: string, input: Record<string, unknown>) =>
  (await graph.execute(UPDATE, { id, input }, { identity: admin })).body.data!.updateCoworkingEvent;
const eventRows = async () => (await graph.ds.query('SELECT count(*)::int AS n FROM coworking_event'))[0].n as number;

describe('createCoworkingEvent', () => {
  it('creates an event in a room of Espace KO, in both languages', async () => {
    const created = await create(valid({ description: { fr: 'Apportez vos aiguilles.\nEt votre portable.' } }));
    expect(created.userErrors).toEqual([]);
    expect(created.event).toEqual({
      id: expect.any(String),
      kind: 'WORKSHOP',
      title: 'Atelier : tricot et code',
      description: 'Apportez vos aiguilles.\nEt votre portable.',
      room: 'Salle de réunion',
      capacity: 12,
      membersOnly: false,
      startsAt: toHouseIso(start),
      endsAt: toHouseIso(minutes(start, 120)),
      seatsLeft: 12,
      cancelledAt: null,
      sharedSpace: null,
    });
    const { body } = await graph.execute(`query($id: ID!) { coworkingEvent(id: $id) { title room description } }`, { id: created.event.id }, { lang: 'en' });
    expect(body.data).toEqual({
      coworkingEvent: { title: 'Workshop: knitting and code', room: 'Meeting room', description: 'Apportez vos aiguilles.\nEt votre portable.' },
    });
  });

  it('checks the title: French required, 200 characters at most, English optional', async () => {
    expect(await codes(valid({ title: { fr: '   ', en: 'Workshop' } }))).toEqual(['INVALID_INPUT@input.title.fr']);
    expect(await codes(valid({ title: { fr: 'é'.repeat(201) } }))).toEqual(['INVALID_INPUT@input.title.fr']);
    expect(await codes(valid({ title: { fr: 'Atelier', en: 'x'.repeat(201) } }))).toEqual(['INVALID_INPUT@input.title.en']);
    expect(await codes(valid({ title: { fr: 'a\u0007b' } }))).toEqual(['INVALID_INPUT@input.title.fr']);
    expect(await codes(valid({ title: { fr: 'é'.repeat(200) } }))).toEqual([]);
    expect(await codes(valid({ title: { fr: 'Seulement en français' } }))).toEqual([]);
  });

  it('checks the capacity: 1 to 1000 seats', async () => {
    expect(await codes(valid({ capacity: 0 }))).toEqual(['INVALID_INPUT@input.capacity']);
    expect(await codes(valid({ capacity: 1 }))).toEqual([]);
    expect(await codes(valid({ capacity: 1000 }))).toEqual([]);
    expect(await codes(valid({ capacity: 1001 }))).toEqual(['INVALID_INPUT@input.capacity']);
  });

  it('checks the time range: after its start (INVALID_RANGE), 24 hours at most (TOO_LONG), in the future (IN_THE_PAST)', async () => {
    expect(await codes(valid({ endsAt: start }))).toEqual(['INVALID_RANGE@input.endsAt']);
    expect(await codes(valid({ endsAt: minutes(start, -30) }))).toEqual(['INVALID_RANGE@input.endsAt']);
    expect(await codes(valid({ endsAt: minutes(start, 1) }))).toEqual([]);
    expect(await codes(valid({ endsAt: minutes(start, 24 * 60) }))).toEqual([]);
    expect(await codes(valid({ endsAt: minutes(start, 24 * 60 + 1) }))).toEqual(['TOO_LONG@input.endsAt']);
    const now = new Date();
    expect(await codes(valid({ startsAt: minutes(now, -1), endsAt: minutes(now, 60) }))).toEqual(['IN_THE_PAST@input.startsAt']);
    expect(await codes(valid({ startsAt: minutes(now, 1), endsAt: minutes(now, 60) }))).toEqual([]);
  });

  it('needs exactly one venue: a shared space or a room', async () => {
    const kitchen = stableId('shared-space', 'cuisine');
    expect(await codes(valid({ sharedSpaceId: kitchen }))).toEqual(['INVALID_INPUT@input.sharedSpaceId']);
    expect(await codes(valid({ room: null }))).toEqual(['INVALID_INPUT@input.sharedSpaceId']);
    expect(await codes(valid({ room: null, sharedSpaceId: 'la-cuisine' }))).toEqual(['NOT_FOUND@input.sharedSpaceId']);
    expect(await codes(valid({ room: { fr: ' ' } }))).toEqual(['INVALID_INPUT@input.room.fr']);
  });

  it('refuses an event in a shared space when the ledger of the tenants subgraph is not configured, and saves nothing', async () => {
    const before = await eventRows();
    const { body } = await graph.execute(
      CREATE,
      { input: valid({ room: null, sharedSpaceId: stableId('shared-space', 'cuisine') }) },
      { identity: admin, lang: 'en' },
    );
    expect(body.data).toBeNull();
    expect(body.errors?.map((e) => [e.extensions?.code, e.extensions?.reason, e.message])).toEqual([
      [
        'SERVICE_UNAVAILABLE',
        'LEDGER_NOT_CONFIGURED',
        'The ledger of the shared spaces (tenants subgraph) is not configured (TENANTS_URL): nothing was saved.',
      ],
    ]);
    expect(await eventRows()).toBe(before);
  });

  it('is for ADMIN only: FORBIDDEN for members and tenants, UNAUTHENTICATED for anonymous callers, and nothing is saved', async () => {
    const before = await eventRows();
    const { identity: member } = await activeMember(graph.ds);
    const existing = (await create(valid())).event.id;
    for (const [identity, code] of [
      [member, 'FORBIDDEN'],
      [asTenant('communication'), 'FORBIDDEN'],
      [anonymous, 'UNAUTHENTICATED'],
    ] as const) {
      for (const [query, variables] of [
        [CREATE, { input: valid() }],
        [UPDATE, { id: existing, input: { capacity: 99 } }],
        [CANCEL, { id: existing }],
      ] as const) {
        const { body } = await graph.execute(query, variables, { identity });
        expect({ code: body.errors?.[0]?.extensions?.code, data: body.data }).toEqual({ code, data: null });
      }
    }
    expect(await eventRows()).toBe(before + 1);
    expect(await graph.ds.query('SELECT capacity, cancelled_at FROM coworking_event WHERE id = $1', [existing])).toEqual([
      { capacity: 12, cancelled_at: null },
    ]);
  });
});

describe('updateCoworkingEvent', () => {
  it('changes only the fields given; null removes the description', async () => {
    const { id } = (await create(valid({ description: { fr: 'Avant' } }))).event;
    expect((await update(id, { title: { fr: 'Nouveau titre' } })).event).toMatchObject({
      title: 'Nouveau titre',
      description: 'Avant',
      capacity: 12,
      room: 'Salle de réunion',
    });
    expect((await update(id, { description: null, membersOnly: true, kind: 'TALK' })).event).toMatchObject({
      title: 'Nouveau titre',
      description: null,
      membersOnly: true,
      kind: 'TALK',
    });
    expect((await update(id, { startsAt: minutes(start, 60), endsAt: minutes(start, 90) })).event).toMatchObject({
      startsAt: toHouseIso(minutes(start, 60)),
      endsAt: toHouseIso(minutes(start, 90)),
    });
    expect((await update(id, { endsAt: minutes(start, 60) })).userErrors).toEqual([{ code: 'INVALID_RANGE', field: ['input', 'endsAt'] }]);
    expect((await update(id, { room: { fr: 'Coin café' } })).event.room).toBe('Coin café');
  });

  it('may retitle an event that has begun, but not move one into the past', async () => {
    const { id } = (await create(valid())).event;
    await graph.ds.query(`UPDATE coworking_event SET starts_at = now() - interval '1 hour', ends_at = now() + interval '1 hour' WHERE id = $1`, [id]);
    expect((await update(id, { title: { fr: 'Toujours en cours' } })).userErrors).toEqual([]);
    expect((await update(id, { startsAt: minutes(new Date(), -30) })).userErrors).toEqual([{ code: 'IN_THE_PAST', field: ['input', 'startsAt'] }]);
  });

  it('keeps the capacity at or above the confirmed seats, and a larger one seats the first people waiting', async () => {
    const { id } = (await create(valid({ capacity: 2 }))).event;
    const people = [someTenant(), someTenant(), someTenant(), someTenant()];
    for (const p of people) await graph.execute(`mutation($e: ID!) { registerForEvent(eventId: $e) { userErrors { code } } }`, { e: id }, { identity: p });
    expect((await update(id, { capacity: 1 })).userErrors).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'capacity'] }]);
    expect((await update(id, { capacity: 3 })).event.seatsLeft).toBe(0);
    const mine = async (p: Identity) =>
      (await graph.execute(`query($e: ID!) { coworkingEvent(id: $e) { myRegistration { status position } } }`, { e: id }, { identity: p })).body.data!
        .coworkingEvent.myRegistration;
    expect(await Promise.all(people.map(mine))).toEqual([
      { status: 'CONFIRMED', position: null },
      { status: 'CONFIRMED', position: null },
      { status: 'CONFIRMED', position: null },
      { status: 'WAITLISTED', position: 1 },
    ]);
    expect((await update(id, { capacity: 2 })).userErrors).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'capacity'] }]);
  });

  it('answers NOT_FOUND for an unknown event and EVENT_CANCELLED for a cancelled one', async () => {
    expect(await update(randomUUID(), { capacity: 5 })).toEqual({ event: null, userErrors: [{ code: 'NOT_FOUND', field: ['id'] }] });
    expect(await update('nope', { capacity: 5 })).toEqual({ event: null, userErrors: [{ code: 'NOT_FOUND', field: ['id'] }] });
    const { id } = (await create(valid())).event;
    await graph.execute(CANCEL, { id }, { identity: admin });
    expect(await update(id, { capacity: 5 })).toEqual({ event: null, userErrors: [{ code: 'EVENT_CANCELLED', field: ['id'] }] });
  });
});

describe('cancelCoworkingEvent', () => {
  it('cancels once (ALREADY_CANCELLED after), keeps the event readable by id and takes it out of the lists and the calendar', async () => {
    const { id, startsAt } = (await create(valid({ startsAt: futureHour(9, 10), endsAt: futureHour(9, 11) }))).event;
    const cancel = async () => (await graph.execute(CANCEL, { id }, { identity: admin })).body.data!.cancelCoworkingEvent;
    const first = await cancel();
    expect(first.userErrors).toEqual([]);
    expect(first.event.id).toBe(id);
    expect(first.event.cancelledAt).toEqual(expect.any(String));
    expect(await cancel()).toEqual({ event: null, userErrors: [{ code: 'ALREADY_CANCELLED', field: ['id'] }] });
    expect(await graph.execute(CANCEL, { id: randomUUID() }, { identity: admin }).then((r) => r.body.data!.cancelCoworkingEvent.userErrors)).toEqual([
      { code: 'NOT_FOUND', field: ['id'] },
    ]);

    const { body } = await graph.execute(
      `query($id: ID!, $r: [_Any!]!) { coworkingEvent(id: $id) { id cancelledAt } coworkingEvents(first: 100) { nodes { id } }
        _entities(representations: $r) { ... on CalendarDay { coworkingEvents { id } } } }`,
      { id, r: [{ __typename: 'CalendarDay', date: startsAt.slice(0, 10) }] },
    );
    expect(body.data!.coworkingEvent).toEqual({ id, cancelledAt: first.event.cancelledAt });
    expect(body.data!.coworkingEvents.nodes.map((n: { id: string }) => n.id)).not.toContain(id);
    expect(body.data!._entities[0].coworkingEvents.map((n: { id: string }) => n.id)).not.toContain(id);
    expect(
      (await graph.execute(`mutation($e: ID!) { registerForEvent(eventId: $e) { userErrors { code } } }`, { e: id }, { identity: someTenant() })).body.data,
    ).toEqual({ registerForEvent: { userErrors: [{ code: 'EVENT_CANCELLED' }] } });
  });
});
