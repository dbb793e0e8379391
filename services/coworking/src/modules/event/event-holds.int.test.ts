import { stableId } from '@maison/house';
import { admin, callSubgraph, daysAheadIn, KITCHEN, startLedgerStub, startTestSubgraph, TERRACE, type LedgerStub } from '@maison/testing';
import { coworkingModule } from '../../module';
import type { CoworkingLoaders, CoworkingServices } from '../../services';
import { futureHour, minutes } from '../../test-fixtures';

/**
 * An event held in a shared space occupies it in the tenants ledger, played by the ledger stub of
 * @maison/testing (the real resolver's rules, signatures checked, faults on demand). Either side
 * failing leaves nothing half done: no event without its hold, no hold without its event.
 */
type Graph = Awaited<ReturnType<typeof startTestSubgraph<CoworkingServices, CoworkingLoaders>>>;
let graph: Graph;
let tenants: LedgerStub;

beforeAll(async () => {
  tenants = await startLedgerStub();
  graph = await startTestSubgraph(coworkingModule, { listen: true, env: { TENANTS_URL: tenants.url } });
  // A commit that fails after the ledger agreed: a deferred check, run only at COMMIT, refuses one title.
  await graph.ds.query(`CREATE FUNCTION refuse_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN IF NEW.title ->> 'fr' = 'Échec au commit' THEN RAISE EXCEPTION 'refused at commit'; END IF; RETURN NULL; END $$`);
  await graph.ds.query(`CREATE CONSTRAINT TRIGGER refuse_at_commit AFTER INSERT OR UPDATE ON coworking_event
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refuse_at_commit()`);
});
beforeEach(() => tenants.reset());
afterAll(async () => {
  await graph?.close();
  await tenants?.close();
});

const SERVICE = { sub: 'service:coworking', roles: ['ADMIN'] };
const UNAVAILABLE_FR = 'Le registre des espaces partagés (sous-graphe tenants) ne répond pas : rien n’a été enregistré. Réessayez plus tard.';
const CREATE = `mutation($input: CreateCoworkingEventInput!) { createCoworkingEvent(input: $input) { event { id startsAt sharedSpace { id } room } userErrors { code message field } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateCoworkingEventInput!) { updateCoworkingEvent(id: $id, input: $input) { event { id startsAt room sharedSpace { id } } userErrors { code field } } }`;
const CANCEL = `mutation($id: ID!) { cancelCoworkingEvent(id: $id) { event { id } userErrors { code } } }`;

let n = 0;
const inKitchen = (startsAt: Date, extra: Record<string, unknown> = {}) => ({
  kind: 'SOCIAL',
  title: { fr: `5 à 7 n° ${++n}`, en: `5 à 7 #${n}` },
  startsAt,
  endsAt: minutes(startsAt, 120),
  capacity: 12,
  sharedSpaceId: KITCHEN,
  ...extra,
});
const create = (input: Record<string, unknown>) => graph.execute(CREATE, { input }, { identity: admin });
const update = (id: string, input: Record<string, unknown>) => graph.execute(UPDATE, { id, input }, { identity: admin });
const rowsTitled = async (title: string) =>
  (await graph.ds.query(`SELECT count(*)::int AS n FROM coworking_event WHERE title ->> 'fr' = $1`, [title]))[0].n as number;
const stored = async (id: string) =>
  (await graph.ds.query('SELECT space_id, room, starts_at, ends_at, cancelled_at, hold_reference FROM coworking_event WHERE id = $1', [id]))[0];
const operations = () => tenants.calls.map((c) => c.operation);
const holdRequest = (i: number) => tenants.calls.filter((c) => c.operation === 'holdSharedSpace')[i]!.args.input;
const referenceOf = (id: string) => new RegExp(`^coworking-event:${id}-[0-9a-f]{12}$`);

/** A kitchen event created with the hold granted; the ledger calls are cleared afterwards. */
async function kitchenEvent(startsAt: Date): Promise<string> {
  const { body } = await create(inKitchen(startsAt));
  const id = body.data!.createCoworkingEvent.event.id as string;
  tenants.calls.length = 0;
  return id;
}

describe('creating an event in a shared space', () => {
  it('holds the space under a new reference of the event, with its time and French title, signed as the coworking service, in the caller’s language and request id', async () => {
    const startsAt = futureHour(10, 17);
    const input = inKitchen(startsAt, { title: { fr: 'Souper de la récolte', en: 'Harvest supper' } });
    const { body } = await callSubgraph(graph.url!, CREATE, { input }, { identity: admin, lang: 'en', requestId: 'req-souper-1' });
    expect(body.errors).toBeUndefined();
    const event = body.data!.createCoworkingEvent.event;
    expect(body.data!.createCoworkingEvent.userErrors).toEqual([]);
    expect(event.sharedSpace).toEqual({ id: KITCHEN });
    const reference = (await stored(event.id)).hold_reference;
    expect(reference).toMatch(referenceOf(event.id));
    expect(tenants.calls).toEqual([
      {
        operation: 'holdSharedSpace',
        args: {
          input: {
            spaceId: KITCHEN,
            startsAt: startsAt.toISOString(),
            endsAt: minutes(startsAt, 120).toISOString(),
            title: 'Souper de la récolte',
            reference,
            attendees: 12,
            override: null,
          },
        },
        identity: SERVICE,
        lang: 'en',
        requestId: 'req-souper-1',
      },
    ]);
    expect([...tenants.holds.keys()]).toEqual([reference]);
  });

  it('answers SLOT_UNAVAILABLE when the ledger refuses, and creates no event (nothing to undo)', async () => {
    const startsAt = futureHour(11, 12);
    tenants.state.bookings.push({ spaceId: KITCHEN, startsAt: minutes(startsAt, 60), endsAt: minutes(startsAt, 180) });
    const { body } = await create(inKitchen(startsAt, { title: { fr: 'Refusé par le registre' } }));
    expect(body.data!.createCoworkingEvent).toEqual({
      event: null,
      userErrors: [{ code: 'SLOT_UNAVAILABLE', message: 'Ce créneau est déjà pris.', field: ['input', 'startsAt'] }],
    });
    expect(await rowsTitled('Refusé par le registre')).toBe(0);
    expect(operations()).toEqual(['holdSharedSpace']);
  });

  it('answers NOT_FOUND when the ledger does not know the space', async () => {
    const { body } = await create(inKitchen(futureHour(11, 15), { title: { fr: 'Espace inconnu' }, sharedSpaceId: stableId('shared-space', 'grenier') }));
    expect(body.data!.createCoworkingEvent.userErrors).toEqual([{ code: 'NOT_FOUND', message: 'Introuvable.', field: ['input', 'sharedSpaceId'] }]);
    expect(await rowsTitled('Espace inconnu')).toBe(0);
  });

  it('creates no event and answers SERVICE_UNAVAILABLE when the ledger fails (HTTP 500), and releases the reference it may have held', async () => {
    tenants.failWhen((call) => (call.operation === 'holdSharedSpace' ? { status: 500 } : undefined));
    const { body } = await create(inKitchen(futureHour(12, 12), { title: { fr: 'Registre en panne' } }));
    expect(body).toEqual({
      data: null,
      errors: [
        expect.objectContaining({
          message: UNAVAILABLE_FR,
          extensions: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE', reason: 'LEDGER_UNAVAILABLE' }),
        }),
      ],
    });
    expect(await rowsTitled('Registre en panne')).toBe(0);
    expect(operations()).toEqual(['holdSharedSpace', 'releaseSpaceHold']);
    expect(tenants.calls[1]!.args).toEqual({ reference: holdRequest(0).reference });
    expect(tenants.state.released).toEqual(new Set([holdRequest(0).reference]));
  });

  it('releases the hold when the commit fails after the ledger agreed, and leaves no event', async () => {
    const { body } = await create(inKitchen(futureHour(12, 18), { title: { fr: 'Échec au commit' } }));
    expect(body.data).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(await rowsTitled('Échec au commit')).toBe(0);
    expect(operations()).toEqual(['holdSharedSpace', 'releaseSpaceHold']);
    expect(tenants.calls[1]!).toMatchObject({ args: { reference: holdRequest(0).reference }, identity: SERVICE });
    expect(tenants.holds.size).toBe(0);
  });

  it('makes no ledger call for an event in a room', async () => {
    const { body } = await create(inKitchen(futureHour(13, 12), { sharedSpaceId: null, room: { fr: 'Salle de réunion' } }));
    expect(body.data!.createCoworkingEvent.userErrors).toEqual([]);
    expect(tenants.calls).toEqual([]);
  });
});

describe('an idempotencyKey on createCoworkingEvent', () => {
  it('answers the same event to the same request, once, and IDEMPOTENCY_KEY_REUSED to another', async () => {
    const input = { ...inKitchen(futureHour(13, 17)), idempotencyKey: 'atelier-levain-1' };
    const first = (await create(input)).body.data!.createCoworkingEvent;
    expect(first.userErrors).toEqual([]);
    expect((await create(input)).body.data!.createCoworkingEvent).toEqual(first);
    expect(operations()).toEqual(['holdSharedSpace']);
    expect((await create({ ...input, capacity: 13 })).body.data!.createCoworkingEvent).toEqual({
      event: null,
      userErrors: [
        { code: 'IDEMPOTENCY_KEY_REUSED', message: 'Cette clé d’idempotence a déjà servi pour une autre demande.', field: ['input', 'idempotencyKey'] },
      ],
    });
    expect((await create({ ...input, idempotencyKey: 'a\u0007b' })).body.data!.createCoworkingEvent.userErrors).toEqual([
      expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'idempotencyKey'] }),
    ]);
  });

  it('creates one event and one hold for 10 concurrent copies of one request', async () => {
    const input = { ...inKitchen(futureHour(14, 10)), idempotencyKey: 'copies-10' };
    const answers = await Promise.all(Array.from({ length: 10 }, () => create(input)));
    const ids = new Set(answers.map((a) => a.body.data!.createCoworkingEvent.event.id));
    expect(ids.size).toBe(1);
    expect((await graph.ds.query(`SELECT count(*)::int AS n FROM coworking_event WHERE idempotency_key = 'copies-10'`))[0].n).toBe(1);
    expect([...tenants.holds.keys()]).toEqual([(await stored([...ids][0]!)).hold_reference]);
  });

  it('lets an ADMIN retry after an answer that was lost: one event, held under a new reference, the first one released for good', async () => {
    const input = { ...inKitchen(futureHour(14, 17)), idempotencyKey: 'retry-after-loss' };
    // The ledger holds, but its answer is lost: the caller is told nothing was saved.
    tenants.loseAnswerWhen((call) => call.operation === 'holdSharedSpace' && tenants.calls.length === 1);
    expect((await create(input)).body.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
    const lost = holdRequest(0).reference;
    expect(tenants.holds.has(lost)).toBe(false);
    const retried = (await create(input)).body.data!.createCoworkingEvent;
    expect(retried.userErrors).toEqual([]);
    const reference = (await stored(retried.event.id)).hold_reference;
    expect(reference).not.toBe(lost);
    expect([...tenants.holds.keys()]).toEqual([reference]);
    expect(tenants.state.released).toEqual(new Set([lost]));
    expect(operations()).toEqual(['holdSharedSpace', 'releaseSpaceHold', 'holdSharedSpace']);
  });
});

describe('moving and cancelling an event in a shared space', () => {
  it('moves the hold with the event: new time and space, same reference', async () => {
    // In the terrace's season (May to October): the hold keeps the season of its new space.
    const startsAt = futureHour(daysAheadIn(['05', '06', '07'], 14), 17);
    const id = await kitchenEvent(startsAt);
    const reference = (await stored(id)).hold_reference;
    const later = minutes(startsAt, 60);
    const { body } = await update(id, { startsAt: later, endsAt: minutes(later, 90), sharedSpaceId: TERRACE });
    expect(body.data!.updateCoworkingEvent.userErrors).toEqual([]);
    expect(tenants.calls).toEqual([
      {
        operation: 'moveSpaceHold',
        args: {
          reference,
          spaceId: TERRACE,
          startsAt: later.toISOString(),
          endsAt: minutes(later, 90).toISOString(),
          title: expect.stringMatching(/^5 à 7 n° \d+$/),
          attendees: 12,
          override: null,
        },
        identity: SERVICE,
        lang: 'fr',
        requestId: expect.any(String),
      },
    ]);
    expect(await stored(id)).toMatchObject({ space_id: TERRACE, starts_at: later, hold_reference: reference });
  });

  it('keeps the event where it was when the ledger refuses the move (SLOT_UNAVAILABLE)', async () => {
    const startsAt = futureHour(15, 17);
    const id = await kitchenEvent(startsAt);
    tenants.state.bookings.push({ spaceId: KITCHEN, startsAt: minutes(startsAt, 200), endsAt: minutes(startsAt, 260) });
    const { body } = await update(id, { startsAt: minutes(startsAt, 30), endsAt: minutes(startsAt, 180) });
    expect(body.data!.updateCoworkingEvent).toEqual({ event: null, userErrors: [{ code: 'SLOT_UNAVAILABLE', field: ['input', 'startsAt'] }] });
    expect(await stored(id)).toMatchObject({ space_id: KITCHEN, starts_at: startsAt, ends_at: minutes(startsAt, 120) });
    expect(operations()).toEqual(['moveSpaceHold']);
  });

  it('keeps the event where it was and moves the hold back when the move fails (HTTP 500) or the commit fails', async () => {
    const startsAt = futureHour(16, 17);
    const id = await kitchenEvent(startsAt);
    tenants.failWhen((call) => (call.operation === 'moveSpaceHold' && call.args.startsAt !== startsAt.toISOString() ? { status: 500 } : undefined));
    const failed = await update(id, { startsAt: minutes(startsAt, 30), endsAt: minutes(startsAt, 150) });
    expect(failed.body.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(await stored(id)).toMatchObject({ starts_at: startsAt, ends_at: minutes(startsAt, 120) });
    expect(tenants.calls.map((c) => [c.operation, c.args.startsAt])).toEqual([
      ['moveSpaceHold', minutes(startsAt, 30).toISOString()],
      ['moveSpaceHold', startsAt.toISOString()],
    ]);

    tenants.calls.length = 0;
    tenants.failWhen(() => undefined);
    const atCommit = await update(id, { title: { fr: 'Échec au commit' }, startsAt: minutes(startsAt, 60), endsAt: minutes(startsAt, 180) });
    expect(atCommit.body.errors).toHaveLength(1);
    expect(await stored(id)).toMatchObject({ starts_at: startsAt });
    expect(tenants.calls.map((c) => [c.operation, c.args.startsAt, c.args.title])).toEqual([
      ['moveSpaceHold', minutes(startsAt, 60).toISOString(), 'Échec au commit'],
      ['moveSpaceHold', startsAt.toISOString(), expect.stringMatching(/^5 à 7 n° \d+$/)],
    ]);
    expect([...tenants.holds.values()]).toEqual([expect.objectContaining({ startsAt, endsAt: minutes(startsAt, 120) })]);
  });

  it('holds the new time under a new reference when the ledger has no hold to move', async () => {
    const startsAt = futureHour(17, 17);
    const id = await kitchenEvent(startsAt);
    const old = (await stored(id)).hold_reference;
    tenants.state.holds.clear();
    const { body } = await update(id, { startsAt: minutes(startsAt, 30), endsAt: minutes(startsAt, 150) });
    expect(body.data!.updateCoworkingEvent.userErrors).toEqual([]);
    expect(operations()).toEqual(['moveSpaceHold', 'holdSharedSpace']);
    const reference = (await stored(id)).hold_reference;
    expect(reference).toMatch(referenceOf(id));
    expect(reference).not.toBe(old);
    expect(holdRequest(0)).toMatchObject({ reference, startsAt: minutes(startsAt, 30).toISOString() });
  });

  it('answers NOT_FOUND, without holding anything, when the ledger does not know the space the event moves to', async () => {
    const startsAt = futureHour(17, 10);
    const id = await kitchenEvent(startsAt);
    const { body } = await update(id, { sharedSpaceId: stableId('shared-space', 'grenier') });
    expect(body.data!.updateCoworkingEvent).toEqual({ event: null, userErrors: [{ code: 'NOT_FOUND', field: ['input', 'sharedSpaceId'] }] });
    expect(operations()).toEqual(['moveSpaceHold']);
    expect(await stored(id)).toMatchObject({ space_id: KITCHEN, starts_at: startsAt });
  });

  it('holds the space when an event moves from a room into it, and releases it after the event moves out to a room', async () => {
    const startsAt = futureHour(18, 17);
    const { body } = await create(inKitchen(startsAt, { sharedSpaceId: null, room: { fr: 'Grande salle' } }));
    const id = body.data!.createCoworkingEvent.event.id;
    expect((await update(id, { sharedSpaceId: KITCHEN })).body.data!.updateCoworkingEvent.event).toMatchObject({ room: null, sharedSpace: { id: KITCHEN } });
    const reference = (await stored(id)).hold_reference;
    expect(tenants.calls.map((c) => [c.operation, c.args.input?.reference])).toEqual([['holdSharedSpace', reference]]);

    tenants.calls.length = 0;
    expect((await update(id, { room: { fr: 'Grande salle' } })).body.data!.updateCoworkingEvent.event).toMatchObject({
      room: 'Grande salle',
      sharedSpace: null,
    });
    expect(tenants.calls.map((c) => [c.operation, c.args])).toEqual([['releaseSpaceHold', { reference }]]);
    expect(await stored(id)).toMatchObject({ space_id: null, hold_reference: null });
  });

  it('calls the ledger only when the hold changes: a new description does not, a new capacity (its attendees) or title does', async () => {
    const id = await kitchenEvent(futureHour(19, 17));
    expect((await update(id, { description: { fr: 'Apportez vos tasses.' } })).body.data!.updateCoworkingEvent.userErrors).toEqual([]);
    expect(tenants.calls).toEqual([]);
    expect((await update(id, { capacity: 10 })).body.data!.updateCoworkingEvent.userErrors).toEqual([]);
    expect((await update(id, { title: { fr: 'Nouveau nom du 5 à 7' } })).body.data!.updateCoworkingEvent.userErrors).toEqual([]);
    expect(tenants.calls.map((c) => [c.operation, c.args.title, c.args.attendees])).toEqual([
      ['moveSpaceHold', expect.stringMatching(/^5 à 7 n° \d+$/), 10],
      ['moveSpaceHold', 'Nouveau nom du 5 à 7', 10],
    ]);
  });

  it('releases the hold after the cancellation is committed, and keeps trying in the background when the ledger fails', async () => {
    const id = await kitchenEvent(futureHour(20, 17));
    const reference = (await stored(id)).hold_reference;
    expect((await graph.execute(CANCEL, { id }, { identity: admin })).body.data!.cancelCoworkingEvent.userErrors).toEqual([]);
    expect(tenants.calls.map((c) => [c.operation, c.args])).toEqual([['releaseSpaceHold', { reference }]]);
    expect(tenants.holds.has(reference)).toBe(false);

    const other = await kitchenEvent(futureHour(21, 17));
    const otherReference = (await stored(other)).hold_reference;
    tenants.failNext(1);
    expect((await graph.execute(CANCEL, { id: other }, { identity: admin })).body.data!.cancelCoworkingEvent.userErrors).toEqual([]);
    expect((await stored(other)).cancelled_at).not.toBeNull();
    await waitFor(() => !tenants.holds.has(otherReference));
    expect(tenants.calls.map((c) => [c.operation, c.args])).toEqual([
      ['releaseSpaceHold', { reference: otherReference }],
      ['releaseSpaceHold', { reference: otherReference }],
    ]);
  });
});

async function waitFor(done: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
