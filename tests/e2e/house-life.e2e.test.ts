import { addDays, houseInstant, stableId, todayInHouse, toHouseIso } from '@maison/house';
import { admin, asMember, asTenant, startGraph, type RunningGraph } from '@maison/testing';

/**
 * The house as its people use it, through the gateway, with the real subgraphs talking to each
 * other: events and vernissages occupy the shared spaces in the one ledger, in both directions.
 */
let graph: RunningGraph;
beforeAll(async () => {
  graph = await startGraph();
});
afterAll(async () => {
  await graph?.stop();
});

const kitchen = stableId('shared-space', 'cuisine');
const BOOK = `mutation($input: BookSharedSpaceInput!) { bookSharedSpace(input: $input) { booking { id } userErrors { code } } }`;
const CREATE_EVENT = `mutation($input: CreateCoworkingEventInput!) { createCoworkingEvent(input: $input) { event { id title } userErrors { code } } }`;
const at = (days: number, time: string) => houseInstant(addDays(todayInHouse(), days), time);
const eventInput = (startsAt: Date, endsAt: Date, title: string) => ({
  kind: 'SOCIAL',
  title: { fr: title, en: title },
  startsAt,
  endsAt,
  capacity: 12,
  sharedSpaceId: kitchen,
});

async function kitchenRows(from: Date, to: Date): Promise<{ kind: string; startsAt: string }[]> {
  const { body } = await graph.query(
    `query($f: DateTime!, $t: DateTime!) { sharedSpace(slug: "cuisine") { bookings(from: $f, to: $t) { kind startsAt } } }`,
    { f: from, t: to },
    { identity: admin },
  );
  return body.data!.sharedSpace.bookings;
}

describe('events and vernissages occupy the shared spaces', () => {
  it('gives the seeded kitchen events their holds once the graph is up', async () => {
    const { body } = await graph.query(`{ sharedSpace(slug: "cuisine") { coworkingEvents { startsAt } } }`);
    const events: { startsAt: string }[] = body.data!.sharedSpace.coworkingEvents.filter((e: { startsAt: string }) => new Date(e.startsAt) > new Date());
    expect(events.length).toBeGreaterThan(0);
    const deadline = Date.now() + 20_000;
    let held: string[] = [];
    while (Date.now() < deadline) {
      const rows = await kitchenRows(new Date(), new Date(Date.now() + 120 * 86_400_000));
      held = rows.filter((r) => r.kind === 'EVENT').map((r) => r.startsAt);
      if (events.every((e) => held.includes(e.startsAt))) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(held).toEqual(expect.arrayContaining(events.map((e) => e.startsAt)));
  });

  it('refuses a booking over an event, and an event over a booking, leaving nothing half done', async () => {
    const created = await graph.query(CREATE_EVENT, { input: eventInput(at(20, '17:00'), at(20, '19:00'), '5 à 7 d’essai') }, { identity: admin });
    expect(created.body.data!.createCoworkingEvent.userErrors).toEqual([]);
    const eventId = created.body.data!.createCoworkingEvent.event.id;

    const over = await graph.query(
      BOOK,
      { input: { spaceId: kitchen, startsAt: at(20, '18:00'), endsAt: at(20, '19:00'), title: 'Par-dessus' } },
      { identity: asTenant('graphisme') },
    );
    expect(over.body.data!.bookSharedSpace).toEqual({ booking: null, userErrors: [{ code: 'SLOT_UNAVAILABLE' }] });

    const booked = await graph.query(
      BOOK,
      { input: { spaceId: kitchen, startsAt: at(21, '12:00'), endsAt: at(21, '13:00'), title: 'Dîner' } },
      { identity: asTenant('graphisme') },
    );
    expect(booked.body.data!.bookSharedSpace.userErrors).toEqual([]);
    const refused = await graph.query(CREATE_EVENT, { input: eventInput(at(21, '12:30'), at(21, '14:00'), 'Atelier refusé') }, { identity: admin });
    expect(refused.body.data!.createCoworkingEvent).toEqual({ event: null, userErrors: [{ code: 'SLOT_UNAVAILABLE' }] });
    const titles = await graph.query(`{ coworkingEvents(first: 100) { nodes { title } } }`);
    expect(titles.body.data!.coworkingEvents.nodes.map((n: { title: string }) => n.title)).not.toContain('Atelier refusé');

    const cancelled = await graph.query(`mutation($id: ID!) { cancelCoworkingEvent(id: $id) { userErrors { code } } }`, { id: eventId }, { identity: admin });
    expect(cancelled.body.data!.cancelCoworkingEvent.userErrors).toEqual([]);
    const freed = await graph.query(
      BOOK,
      { input: { spaceId: kitchen, startsAt: at(20, '18:00'), endsAt: at(20, '19:00'), title: 'Libre' } },
      { identity: asTenant('graphisme') },
    );
    expect(freed.body.data!.bookSharedSpace.userErrors).toEqual([]);
  });

  it('holds the kitchen for a vernissage, and refuses one over a booking', async () => {
    const day = addDays(todayInHouse(), 25);
    const create = (startsAt: Date, endsAt: Date, title: string) =>
      graph.query(
        `mutation($input: CreateExhibitionInput!) { createExhibition(input: $input) { exhibition { id } userErrors { code } } }`,
        { input: { title: { fr: title }, startsOn: day, endsOn: addDays(day, 20), vernissage: { startsAt, endsAt, sharedSpaceId: kitchen } } },
        { identity: admin },
      );
    expect((await create(at(25, '17:00'), at(25, '20:00'), 'Grès du large')).body.data!.createExhibition.userErrors).toEqual([]);
    const over = await graph.query(
      BOOK,
      { input: { spaceId: kitchen, startsAt: at(25, '19:00'), endsAt: at(25, '20:00'), title: 'Par-dessus' } },
      { identity: asTenant('acupuncture') },
    );
    expect(over.body.data!.bookSharedSpace.userErrors).toEqual([{ code: 'SLOT_UNAVAILABLE' }]);
    expect((await create(at(25, '18:00'), at(25, '19:00'), 'Deuxième vernissage')).body.data!.createExhibition).toEqual({
      exhibition: null,
      userErrors: [{ code: 'SLOT_UNAVAILABLE' }],
    });
    const rows = await kitchenRows(at(25, '00:00'), at(26, '00:00'));
    expect(rows).toEqual([{ kind: 'EVENT', startsAt: toHouseIso(at(25, '17:00')) }]);
  });

  it('lets a member register for an event through the gateway', async () => {
    const { body } = await graph.query(`query($from: DateTime) { coworkingEvents(from: $from, first: 10) { nodes { id membersOnly seatsLeft } } }`, {
      from: new Date(Date.now() + 86_400_000),
    });
    const open = body.data!.coworkingEvents.nodes.find((e: { membersOnly: boolean; seatsLeft: number }) => !e.membersOnly && e.seatsLeft > 0);
    const registered = await graph.query(
      `mutation($id: ID!) { registerForEvent(eventId: $id) { registration { status } userErrors { code } } }`,
      { id: open.id },
      { identity: asMember('rosalie-tremblay') },
    );
    expect(registered.body.data!.registerForEvent).toEqual({ registration: { status: 'CONFIRMED' }, userErrors: [] });
  });
});
