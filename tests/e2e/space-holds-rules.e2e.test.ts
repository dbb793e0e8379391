import { randomBytes } from 'node:crypto';
import { addDays, houseInstant, stableId, todayInHouse } from '@maison/house';
import { withDatabase } from '@maison/kit';
import { admin, daysAheadIn, startGraph, testServerUrl, withClient, type RunningGraph } from '@maison/testing';

/**
 * Through the gateway, against the real ledger: the events of Espace KO and the vernissages of Le
 * Vivoir held in the house's shared spaces keep the spaces' rules, and ADMIN holds despite them only
 * with a reason, which the kitchen's booking history shows.
 */
const PREFIX = `t_holdrules_${randomBytes(4).toString('hex')}_`;
let graph: RunningGraph;
beforeAll(async () => {
  graph = await startGraph({
    env: {
      DATABASE_PREFIX: PREFIX,
      RESPONSE_CACHE: 'off',
      RATE_LIMIT_PER_MINUTE: '0',
      RATE_LIMIT_MUTATIONS_PER_MINUTE: '0',
    },
  });
  await graph.settle();
});
afterAll(async () => {
  await graph?.stop();
});

const day = (n: number) => addDays(todayInHouse(), n);
const KITCHEN = stableId('shared-space', 'cuisine');
const TERRACE = stableId('shared-space', 'terrasse');
const CREATE_EVENT = `mutation($input: CreateCoworkingEventInput!) {
  createCoworkingEvent(input: $input) { event { id capacity sharedSpace { id } } userErrors { code message field } }
}`;
const CREATE_EXHIBITION = `mutation($input: CreateExhibitionInput!) { createExhibition(input: $input) { exhibition { id } userErrors { code message field } } }`;
const KITCHEN_HISTORY = `query($from: DateTime!, $to: DateTime!) {
  sharedSpace(slug: "cuisine") { bookings(from: $from, to: $to) { title kind history { action overrideReason } } }
}`;

describe('holds respect the spaces', () => {
  it('refuses a 100-seat workshop in the kitchen (12 people) with OVER_CAPACITY on its capacity; with spaceRulesOverride it is created, and the kitchen’s history shows the reason', async () => {
    const startsAt = houseInstant(day(12), '18:00');
    const workshop = {
      kind: 'WORKSHOP',
      title: { fr: 'Grand atelier de fermentation' },
      startsAt,
      endsAt: houseInstant(day(12), '20:00'),
      capacity: 100,
      sharedSpaceId: KITCHEN,
    };
    const refused = await graph.query(CREATE_EVENT, { input: workshop }, { identity: admin });
    expect(refused.body).toEqual({
      data: {
        createCoworkingEvent: {
          event: null,
          userErrors: [{ code: 'OVER_CAPACITY', message: 'Cet espace accueille au plus 12 personnes.', field: ['input', 'capacity'] }],
        },
      },
    });
    const inEnglish = await graph.query(CREATE_EVENT, { input: workshop }, { identity: admin, headers: { 'accept-language': 'en' } });
    expect(inEnglish.body.data!.createCoworkingEvent.userErrors).toEqual([
      { code: 'OVER_CAPACITY', message: 'This space holds at most 12 people.', field: ['input', 'capacity'] },
    ]);

    const reason = 'Atelier debout : la cuisine et la salle à manger ouvertes';
    const created = await graph.query(CREATE_EVENT, { input: { ...workshop, spaceRulesOverride: { reason } } }, { identity: admin });
    expect(created.body.data!.createCoworkingEvent).toEqual({
      event: { id: expect.any(String), capacity: 100, sharedSpace: { id: KITCHEN } },
      userErrors: [],
    });
    const history = await graph.query(KITCHEN_HISTORY, { from: startsAt, to: houseInstant(day(13), '00:00') }, { identity: admin });
    expect(history.body.data!.sharedSpace.bookings).toEqual([
      { title: 'Grand atelier de fermentation', kind: 'EVENT', history: [{ action: 'CREATED', overrideReason: reason }] },
    ]);
  });

  it('refuses a vernissage on the terrace in January with OUT_OF_SEASON on its startsAt, and saves nothing', async () => {
    const january = daysAheadIn(['01']);
    const input = {
      title: { fr: 'Glaces du fleuve' },
      startsOn: day(january),
      endsOn: day(january + 30),
      vernissage: { startsAt: houseInstant(day(january), '17:00'), endsAt: houseInstant(day(january), '19:00'), sharedSpaceId: TERRACE },
    };
    const { body } = await graph.query(CREATE_EXHIBITION, { input }, { identity: admin });
    expect(body).toEqual({
      data: {
        createExhibition: {
          exhibition: null,
          userErrors: [{ code: 'OUT_OF_SEASON', message: 'Cet espace est fermé pour la saison à cette date.', field: ['input', 'vernissage', 'startsAt'] }],
        },
      },
    });
    const count = async (subgraph: string, sql: string) =>
      withClient(withDatabase(testServerUrl(), `${PREFIX}${subgraph}`), async (c) => (await c.query(sql)).rows[0].n as number);
    expect(await count('gallery', `SELECT count(*)::int AS n FROM exhibition WHERE title ->> 'fr' = 'Glaces du fleuve'`)).toBe(0);
    expect(await count('tenants', `SELECT count(*)::int AS n FROM space_booking WHERE title = 'Vernissage : Glaces du fleuve'`)).toBe(0);
  });
});
