import { randomUUID } from 'node:crypto';
import type { Logger } from '@maison/http';
import { admin, daysAheadIn, KITCHEN, startLedgerStub, startTestSubgraph, TERRACE, type LedgerStub } from '@maison/testing';
import { coworkingModule } from '../../module';
import type { CoworkingLoaders, CoworkingServices } from '../../services';
import { futureHour, minutes } from '../../test-fixtures';

/**
 * An event held in a shared space keeps the space's capacity, opening hours and season (the ledger
 * stub of @maison/testing applies the ledger's own rules: the kitchen holds 12 people from 7:00 to
 * 22:00, the terrace opens from May to October), unless ADMIN overrides them with a reason.
 */
type Graph = Awaited<ReturnType<typeof startTestSubgraph<CoworkingServices, CoworkingLoaders>>>;
let graph: Graph;
let tenants: LedgerStub;
beforeAll(async () => {
  tenants = await startLedgerStub();
  graph = await startTestSubgraph(coworkingModule, { listen: true, seed: false, env: { TENANTS_URL: tenants.url } });
});
beforeEach(() => tenants.reset());
afterAll(async () => {
  await graph?.close();
  await tenants?.close();
});

const EVENT = 'event { id capacity startsAt sharedSpace { id } } userErrors { code message field }';
const CREATE = `mutation($input: CreateCoworkingEventInput!) { createCoworkingEvent(input: $input) { ${EVENT} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateCoworkingEventInput!) { updateCoworkingEvent(id: $id, input: $input) { ${EVENT} } }`;
const create = async (input: Record<string, unknown>, lang: 'fr' | 'en' = 'fr') =>
  (await graph.execute(CREATE, { input }, { identity: admin, lang })).body.data!.createCoworkingEvent;
const update = async (id: string, input: Record<string, unknown>) =>
  (await graph.execute(UPDATE, { id, input }, { identity: admin })).body.data!.updateCoworkingEvent;
const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };

let n = 0;
const workshop = (startsAt: Date, extra: Record<string, unknown> = {}) => ({
  kind: 'WORKSHOP',
  title: { fr: `Atelier n° ${++n}` },
  startsAt,
  endsAt: minutes(startsAt, 120),
  capacity: 12,
  sharedSpaceId: KITCHEN,
  ...extra,
});
const eventsTitled = async (title: string) =>
  (await graph.ds.query(`SELECT count(*)::int AS n FROM coworking_event WHERE title ->> 'fr' = $1`, [title]))[0].n as number;
const stored = async (id: string) =>
  (await graph.ds.query('SELECT capacity, starts_at, hold_reference, space_rules_override_reason FROM coworking_event WHERE id = $1', [id]))[0];
const REASON = 'Atelier debout : la cuisine et le salon ouverts';

describe('an event in a shared space keeps its rules', () => {
  it('refuses a 100-seat workshop in the kitchen (12 people) with OVER_CAPACITY on its capacity, in French and English, and saves nothing', async () => {
    const input = workshop(futureHour(10, 17), { capacity: 100, title: { fr: 'Atelier de cent' } });
    expect(await create(input)).toEqual({
      event: null,
      userErrors: [{ code: 'OVER_CAPACITY', message: 'Cet espace accueille au plus 12 personnes.', field: ['input', 'capacity'] }],
    });
    expect((await create(input, 'en')).userErrors).toEqual([
      { code: 'OVER_CAPACITY', message: 'This space holds at most 12 people.', field: ['input', 'capacity'] },
    ]);
    expect(await eventsTitled('Atelier de cent')).toBe(0);
    expect(tenants.holds.size).toBe(0);
  });

  it('refuses an event at night (OUTSIDE_OPENING_HOURS) or on the terrace in January (OUT_OF_SEASON) on its startsAt, and saves nothing', async () => {
    const night = workshop(futureHour(10, 22), { title: { fr: 'Atelier de nuit' } });
    expect((await create(night)).userErrors).toEqual([
      { code: 'OUTSIDE_OPENING_HOURS', message: 'Ce créneau est en dehors des heures d’ouverture.', field: ['input', 'startsAt'] },
    ]);
    const january = workshop(futureHour(daysAheadIn(['01']), 17), { title: { fr: 'Atelier d’hiver' }, sharedSpaceId: TERRACE });
    expect((await create(january, 'en')).userErrors).toEqual([
      { code: 'OUT_OF_SEASON', message: 'This space is closed for the season on that date.', field: ['input', 'startsAt'] },
    ]);
    expect((await eventsTitled('Atelier de nuit')) + (await eventsTitled('Atelier d’hiver'))).toBe(0);
    expect(tenants.holds.size).toBe(0);
  });

  it('creates it despite the rules with spaceRulesOverride: the ledger is asked with the reason, and the event keeps it', async () => {
    const startsAt = futureHour(11, 21);
    const created = await create(workshop(startsAt, { capacity: 100, spaceRulesOverride: { reason: `  ${REASON}  ` } }));
    expect(created).toMatchObject({ event: { capacity: 100, sharedSpace: { id: KITCHEN } }, userErrors: [] });
    const row = await stored(created.event.id);
    expect(row.space_rules_override_reason).toBe(REASON);
    expect(tenants.calls.map((c) => [c.operation, c.args.input.attendees, c.args.input.override])).toEqual([['holdSharedSpace', 100, { reason: REASON }]]);
    expect(tenants.holds.get(row.hold_reference)).toMatchObject({ attendees: 100, overrideReason: REASON });
  });

  it('refuses a reason that is blank, too long or not printable, before asking the ledger', async () => {
    for (const reason of ['   ', 'é'.repeat(501), 'bip \u0007']) {
      const answer = await create(workshop(futureHour(12, 12), { title: { fr: 'Raison invalide' }, spaceRulesOverride: { reason } }));
      expect(answer.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'spaceRulesOverride', 'reason'] })]);
    }
    expect(await eventsTitled('Raison invalide')).toBe(0);
    expect(tenants.calls).toEqual([]);
  });

  it('keeps the override while the space, times and capacity stay; checks again a change of them unless the override is given again', async () => {
    const startsAt = futureHour(13, 17);
    const { event } = await create(workshop(startsAt, { capacity: 40, spaceRulesOverride: { reason: REASON } }));
    tenants.calls.length = 0;
    // A new title moves the hold with its override.
    expect((await update(event.id, { title: { fr: 'Atelier debout' } })).userErrors).toEqual([]);
    expect(tenants.calls.map((c) => [c.operation, c.args.attendees, c.args.override])).toEqual([['moveSpaceHold', 40, { reason: REASON }]]);
    // A new time without the override is checked again: refused, and the event stays as it was.
    const later = minutes(startsAt, 60);
    expect(await update(event.id, { startsAt: later, endsAt: minutes(later, 120) })).toEqual({
      event: null,
      userErrors: [{ code: 'OVER_CAPACITY', message: 'Cet espace accueille au plus 12 personnes.', field: ['input', 'capacity'] }],
    });
    expect(await stored(event.id)).toMatchObject({ starts_at: startsAt, capacity: 40, space_rules_override_reason: REASON });
    // Given again, the move happens with the new reason.
    const moved = await update(event.id, { startsAt: later, endsAt: minutes(later, 120), spaceRulesOverride: { reason: 'Toujours debout' } });
    expect(moved.userErrors).toEqual([]);
    expect(await stored(event.id)).toMatchObject({ starts_at: later, space_rules_override_reason: 'Toujours debout' });
    // Back within the rules, with no override: checked, accepted, and the override is gone.
    expect((await update(event.id, { capacity: 12, startsAt, endsAt: minutes(startsAt, 120) })).userErrors).toEqual([]);
    expect(await stored(event.id)).toMatchObject({ capacity: 12, space_rules_override_reason: null });
    expect(tenants.calls.at(-1)!.args).toMatchObject({ attendees: 12, override: null });
  });

  it('refuses an update to a capacity over the space’s on ["input", "capacity"], and keeps the event', async () => {
    const { event } = await create(workshop(futureHour(14, 17), { capacity: 10 }));
    expect((await update(event.id, { capacity: 13 })).userErrors).toEqual([
      { code: 'OVER_CAPACITY', message: 'Cet espace accueille au plus 12 personnes.', field: ['input', 'capacity'] },
    ]);
    expect((await stored(event.id)).capacity).toBe(10);
  });
});

describe('the reconciler and the rules', () => {
  const round = () => graph.services.eventHolds.reconciler.round(silent);
  // The events of the tests above get their holds back (the stub forgets them between tests): each test starts settled.
  beforeEach(async () => {
    expect(await round()).toMatchObject({ released: [], refused: [] });
  });

  it('re-holds an overridden event with its override: a lost hold comes back, a released one under a new reference', async () => {
    const startsAt = futureHour(20, 21);
    const { event } = await create(workshop(startsAt, { capacity: 80, spaceRulesOverride: { reason: REASON } }));
    const reference = (await stored(event.id)).hold_reference as string;
    // The hold vanished from the ledger (restored from a backup, say): the round holds it again, with its override.
    tenants.holds.delete(reference);
    tenants.calls.length = 0;
    expect(await round()).toMatchObject({ fixed: 1, released: [], refused: [] });
    expect(tenants.holds.get(reference)).toMatchObject({ attendees: 80, overrideReason: REASON });
    expect(tenants.calls.find((c) => c.operation === 'holdSharedSpace')!.args.input).toMatchObject({ reference, attendees: 80, override: { reason: REASON } });
    // Released behind its back: a new reference, held with its override as well.
    tenants.state.release(reference);
    expect(await round()).toMatchObject({ fixed: 1, released: [], refused: [] });
    const renewed = (await stored(event.id)).hold_reference as string;
    expect(renewed).not.toBe(reference);
    expect(tenants.holds.get(renewed)).toMatchObject({ attendees: 80, overrideReason: REASON });
    expect(await round()).toMatchObject({ fixed: 0, released: [], refused: [] });
  });

  it('never releases nor re-checks a hold made before the rules: a 30-seat event in the kitchen under its legacy reference keeps it', async () => {
    const id = randomUUID();
    const startsAt = futureHour(22, 23);
    await graph.ds.query(
      `INSERT INTO coworking_event (id, kind, title, starts_at, ends_at, space_id, capacity, members_only) VALUES ($1, 'SOCIAL', $2, $3, $4, $5, 30, false)`,
      [id, { fr: 'Souper tardif' }, startsAt, minutes(startsAt, 90), KITCHEN],
    );
    // Its hold, made before holds kept the rules (no attendees, at night), under the legacy reference.
    const legacy = `coworking-event:${id}`;
    tenants.holds.set(legacy, {
      id: randomUUID(),
      reference: legacy,
      spaceId: KITCHEN,
      startsAt,
      endsAt: minutes(startsAt, 90),
      title: 'Souper tardif',
      attendees: null,
      overrideReason: null,
    });
    tenants.calls.length = 0;
    expect(await round()).toMatchObject({ fixed: 0, released: [], refused: [] });
    expect(tenants.holds.has(legacy)).toBe(true);
    expect(tenants.calls.map((c) => c.operation)).toEqual(['liveSpaceHolds']);
  });
});
