import type { Logger } from '@maison/http';
import { addDays, houseInstant, stableId, todayInHouse } from '@maison/house';
import { admin, startTestSubgraph } from '@maison/testing';
import { coworkingModule } from '../../module';
import type { CoworkingLoaders, CoworkingServices } from '../../services';
import { futureHour, minutes, slotTaken, startStubTenants, type LedgerCall } from '../../test-fixtures';

/**
 * An event held in a shared space occupies it in the tenants ledger. The tenants subgraph is
 * played by a stub HTTP peer that verifies the signature of every call, records it, and answers
 * as scripted: granted, SLOT_UNAVAILABLE, or HTTP 500. Either side failing leaves nothing half done.
 */
type Graph = Awaited<ReturnType<typeof startTestSubgraph<CoworkingServices, CoworkingLoaders>>>;
let graph: Graph;
let tenants: Awaited<ReturnType<typeof startStubTenants>>;

beforeAll(async () => {
  tenants = await startStubTenants();
  graph = await startTestSubgraph(coworkingModule, { env: { TENANTS_URL: tenants.url } });
  // A commit that fails after the ledger agreed: a deferred check, run only at COMMIT, refuses one title.
  await graph.ds.query(`CREATE FUNCTION refuse_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN IF NEW.title ->> 'fr' = 'Échec au commit' THEN RAISE EXCEPTION 'refused at commit'; END IF; RETURN NULL; END $$`);
  await graph.ds.query(`CREATE CONSTRAINT TRIGGER refuse_at_commit AFTER INSERT OR UPDATE ON coworking_event
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refuse_at_commit()`);
});
beforeEach(() => {
  tenants.calls.length = 0;
  tenants.reply(() => undefined);
});
afterAll(async () => {
  await graph?.close();
  await tenants?.close();
});

const kitchen = stableId('shared-space', 'cuisine');
const terrace = stableId('shared-space', 'terrasse');
const SERVICE = { sub: 'service:coworking', roles: ['ADMIN'] };
const reference = (eventId: string) => `coworking-event:${eventId}`;

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
  sharedSpaceId: kitchen,
  ...extra,
});
const create = (input: Record<string, unknown>) => graph.execute(CREATE, { input }, { identity: admin });
const update = (id: string, input: Record<string, unknown>) => graph.execute(UPDATE, { id, input }, { identity: admin });
const rowsTitled = async (title: string) => (await graph.ds.query(`SELECT count(*)::int AS n FROM coworking_event WHERE title ->> 'fr' = $1`, [title]))[0].n as number;
const stored = async (id: string) => (await graph.ds.query('SELECT space_id, room, starts_at, ends_at, cancelled_at FROM coworking_event WHERE id = $1', [id]))[0];
const summary = (calls: LedgerCall[]) => calls.map((c) => c.operation);

/** A kitchen event created with the hold granted; the ledger calls are cleared afterwards. */
async function kitchenEvent(startsAt: Date): Promise<string> {
  const { body } = await create(inKitchen(startsAt));
  const id = body.data!.createCoworkingEvent.event.id as string;
  tenants.calls.length = 0;
  return id;
}

describe('creating an event in a shared space', () => {
  it('holds the space in the ledger with the event’s reference, time and French title, signed as the coworking service', async () => {
    const startsAt = futureHour(10, 17);
    const { body } = await create(inKitchen(startsAt, { title: { fr: 'Souper de la récolte', en: 'Harvest supper' } }));
    expect(body.errors).toBeUndefined();
    const event = body.data!.createCoworkingEvent.event;
    expect(body.data!.createCoworkingEvent.userErrors).toEqual([]);
    expect(event.sharedSpace).toEqual({ id: kitchen });
    expect(tenants.calls).toEqual([
      {
        operation: 'holdSharedSpace',
        variables: {
          input: { spaceId: kitchen, startsAt: startsAt.toISOString(), endsAt: minutes(startsAt, 120).toISOString(), title: 'Souper de la récolte', reference: reference(event.id) },
        },
        caller: SERVICE,
      },
    ]);
    expect(await rowsTitled('Souper de la récolte')).toBe(1);
  });

  it('answers SLOT_UNAVAILABLE when the ledger refuses, and creates no event (nothing to undo)', async () => {
    tenants.reply((call) => (call.operation === 'holdSharedSpace' ? slotTaken : undefined));
    const { body } = await create(inKitchen(futureHour(11, 12), { title: { fr: 'Refusé par le registre' } }));
    expect(body.data!.createCoworkingEvent).toEqual({
      event: null,
      userErrors: [{ code: 'SLOT_UNAVAILABLE', message: 'Ce créneau est déjà pris.', field: ['input', 'startsAt'] }],
    });
    expect(await rowsTitled('Refusé par le registre')).toBe(0);
    expect(summary(tenants.calls)).toEqual(['holdSharedSpace']);
  });

  it('answers NOT_FOUND when the ledger does not know the space', async () => {
    tenants.reply(() => ({ answer: { booking: null, userErrors: [{ code: 'NOT_FOUND', message: 'Introuvable.', field: ['input', 'spaceId'] }] } }));
    const { body } = await create(inKitchen(futureHour(11, 15), { title: { fr: 'Espace inconnu' } }));
    expect(body.data!.createCoworkingEvent.userErrors).toEqual([{ code: 'NOT_FOUND', message: 'Introuvable.', field: ['input', 'sharedSpaceId'] }]);
    expect(await rowsTitled('Espace inconnu')).toBe(0);
  });

  it('creates no event and answers a clear SERVICE_UNAVAILABLE when the ledger fails (HTTP 500), and releases the hold it may have made', async () => {
    tenants.reply((call) => (call.operation === 'holdSharedSpace' ? { status: 500 } : undefined));
    const { body } = await create(inKitchen(futureHour(12, 12), { title: { fr: 'Registre en panne' } }));
    expect(body.data).toBeNull();
    expect(body.errors?.map((e) => [e.extensions?.code, e.extensions?.reason, e.message])).toEqual([
      ['SERVICE_UNAVAILABLE', 'LEDGER_UNAVAILABLE', 'Le registre des espaces partagés (sous-graphe tenants) ne répond pas : rien n’a été enregistré. Réessayez plus tard.'],
    ]);
    expect(await rowsTitled('Registre en panne')).toBe(0);
    const [hold, release] = tenants.calls;
    expect(summary(tenants.calls)).toEqual(['holdSharedSpace', 'releaseSpaceHold']);
    expect(release!.variables).toEqual({ reference: hold!.variables.input.reference });
  });

  it('releases the hold when the commit fails after the ledger agreed, and leaves no event', async () => {
    const { body } = await create(inKitchen(futureHour(12, 18), { title: { fr: 'Échec au commit' } }));
    expect(body.data).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(await rowsTitled('Échec au commit')).toBe(0);
    const [hold, release] = tenants.calls;
    expect(summary(tenants.calls)).toEqual(['holdSharedSpace', 'releaseSpaceHold']);
    expect(release!.variables).toEqual({ reference: hold!.variables.input.reference });
    expect(release!.caller).toEqual(SERVICE);
  });

  it('makes no ledger call for an event in a room', async () => {
    const { body } = await create(inKitchen(futureHour(13, 12), { sharedSpaceId: null, room: { fr: 'Salle de réunion' } }));
    expect(body.data!.createCoworkingEvent.userErrors).toEqual([]);
    expect(tenants.calls).toEqual([]);
  });
});

describe('moving and cancelling an event in a shared space', () => {
  it('moves the hold with the event: new time and space, same reference', async () => {
    const startsAt = futureHour(14, 17);
    const id = await kitchenEvent(startsAt);
    const later = minutes(startsAt, 60);
    const { body } = await update(id, { startsAt: later, endsAt: minutes(later, 90), sharedSpaceId: terrace });
    expect(body.data!.updateCoworkingEvent.userErrors).toEqual([]);
    expect(tenants.calls).toEqual([
      {
        operation: 'moveSpaceHold',
        variables: { reference: reference(id), spaceId: terrace, startsAt: later.toISOString(), endsAt: minutes(later, 90).toISOString(), title: expect.stringMatching(/^5 à 7 n° \d+$/) },
        caller: SERVICE,
      },
    ]);
    expect(await stored(id)).toMatchObject({ space_id: terrace, starts_at: later });
  });

  it('keeps the event where it was when the ledger refuses the move (SLOT_UNAVAILABLE)', async () => {
    const startsAt = futureHour(15, 17);
    const id = await kitchenEvent(startsAt);
    tenants.reply((call) => (call.operation === 'moveSpaceHold' ? slotTaken : undefined));
    const { body } = await update(id, { startsAt: minutes(startsAt, 30), endsAt: minutes(startsAt, 150) });
    expect(body.data!.updateCoworkingEvent).toEqual({ event: null, userErrors: [{ code: 'SLOT_UNAVAILABLE', field: ['input', 'startsAt'] }] });
    expect(await stored(id)).toMatchObject({ space_id: kitchen, starts_at: startsAt, ends_at: minutes(startsAt, 120) });
    expect(summary(tenants.calls)).toEqual(['moveSpaceHold']);
  });

  it('keeps the event where it was and moves the hold back when the move fails (HTTP 500) or the commit fails', async () => {
    const startsAt = futureHour(16, 17);
    const id = await kitchenEvent(startsAt);
    tenants.reply((call) => (call.operation === 'moveSpaceHold' && call.variables.startsAt !== startsAt.toISOString() ? { status: 500 } : undefined));
    const failed = await update(id, { startsAt: minutes(startsAt, 30), endsAt: minutes(startsAt, 150) });
    expect(failed.body.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(await stored(id)).toMatchObject({ starts_at: startsAt, ends_at: minutes(startsAt, 120) });
    expect(tenants.calls.map((c) => [c.operation, c.variables.startsAt])).toEqual([
      ['moveSpaceHold', minutes(startsAt, 30).toISOString()],
      ['moveSpaceHold', startsAt.toISOString()],
    ]);

    tenants.calls.length = 0;
    tenants.reply(() => undefined);
    const atCommit = await update(id, { title: { fr: 'Échec au commit' }, startsAt: minutes(startsAt, 60), endsAt: minutes(startsAt, 180) });
    expect(atCommit.body.errors).toHaveLength(1);
    expect(await stored(id)).toMatchObject({ starts_at: startsAt });
    expect(tenants.calls.map((c) => [c.operation, c.variables.startsAt, c.variables.title])).toEqual([
      ['moveSpaceHold', minutes(startsAt, 60).toISOString(), 'Échec au commit'],
      ['moveSpaceHold', startsAt.toISOString(), expect.stringMatching(/^5 à 7 n° \d+$/)],
    ]);
  });

  it('holds the new time when the ledger has no hold to move', async () => {
    const startsAt = futureHour(17, 17);
    const id = await kitchenEvent(startsAt);
    tenants.reply((call) =>
      call.operation === 'moveSpaceHold' ? { answer: { booking: null, userErrors: [{ code: 'NOT_FOUND', message: 'Introuvable.', field: ['reference'] }] } } : undefined,
    );
    const { body } = await update(id, { startsAt: minutes(startsAt, 30), endsAt: minutes(startsAt, 150) });
    expect(body.data!.updateCoworkingEvent.userErrors).toEqual([]);
    expect(summary(tenants.calls)).toEqual(['moveSpaceHold', 'holdSharedSpace']);
    expect(tenants.calls[1]!.variables.input).toMatchObject({ reference: reference(id), startsAt: minutes(startsAt, 30).toISOString() });
  });

  it('answers NOT_FOUND, without holding anything, when the ledger does not know the space the event moves to', async () => {
    const startsAt = futureHour(17, 10);
    const id = await kitchenEvent(startsAt);
    tenants.reply((call) =>
      call.operation === 'moveSpaceHold' ? { answer: { booking: null, userErrors: [{ code: 'NOT_FOUND', message: 'Introuvable.', field: ['spaceId'] }] } } : undefined,
    );
    const { body } = await update(id, { sharedSpaceId: terrace });
    expect(body.data!.updateCoworkingEvent).toEqual({ event: null, userErrors: [{ code: 'NOT_FOUND', field: ['input', 'sharedSpaceId'] }] });
    expect(summary(tenants.calls)).toEqual(['moveSpaceHold']);
    expect(await stored(id)).toMatchObject({ space_id: kitchen, starts_at: startsAt });
  });

  it('holds the space when an event moves from a room into it, and releases it after the event moves out to a room', async () => {
    const startsAt = futureHour(18, 17);
    const { body } = await create(inKitchen(startsAt, { sharedSpaceId: null, room: { fr: 'Grande salle' } }));
    const id = body.data!.createCoworkingEvent.event.id;
    expect((await update(id, { sharedSpaceId: kitchen })).body.data!.updateCoworkingEvent.event).toMatchObject({ room: null, sharedSpace: { id: kitchen } });
    expect(tenants.calls.map((c) => [c.operation, c.variables.input?.reference])).toEqual([['holdSharedSpace', reference(id)]]);

    tenants.calls.length = 0;
    expect((await update(id, { room: { fr: 'Grande salle' } })).body.data!.updateCoworkingEvent.event).toMatchObject({ room: 'Grande salle', sharedSpace: null });
    expect(tenants.calls.map((c) => [c.operation, c.variables])).toEqual([['releaseSpaceHold', { reference: reference(id) }]]);
    expect(await stored(id)).toMatchObject({ space_id: null });
  });

  it('calls the ledger only when the hold changes: a new capacity does not, a new title does', async () => {
    const id = await kitchenEvent(futureHour(19, 17));
    expect((await update(id, { capacity: 30 })).body.data!.updateCoworkingEvent.userErrors).toEqual([]);
    expect(tenants.calls).toEqual([]);
    expect((await update(id, { title: { fr: 'Nouveau nom du 5 à 7' } })).body.data!.updateCoworkingEvent.userErrors).toEqual([]);
    expect(tenants.calls.map((c) => [c.operation, c.variables.title])).toEqual([['moveSpaceHold', 'Nouveau nom du 5 à 7']]);
  });

  it('releases the hold when the event is cancelled, and keeps trying when the ledger fails', async () => {
    const id = await kitchenEvent(futureHour(20, 17));
    expect((await graph.execute(CANCEL, { id }, { identity: admin })).body.data!.cancelCoworkingEvent.userErrors).toEqual([]);
    expect(tenants.calls.map((c) => [c.operation, c.variables])).toEqual([['releaseSpaceHold', { reference: reference(id) }]]);

    const other = await kitchenEvent(futureHour(21, 17));
    let failures = 1;
    tenants.reply((call) => (call.operation === 'releaseSpaceHold' && failures-- > 0 ? { status: 500 } : undefined));
    expect((await graph.execute(CANCEL, { id: other }, { identity: admin })).body.data!.cancelCoworkingEvent.userErrors).toEqual([]);
    expect((await stored(other)).cancelled_at).not.toBeNull();
    await waitFor(() => tenants.calls.length === 2);
    expect(tenants.calls.map((c) => [c.operation, c.variables])).toEqual([
      ['releaseSpaceHold', { reference: reference(other) }],
      ['releaseSpaceHold', { reference: reference(other) }],
    ]);
  });
});

describe('reconciling holds when the subgraph starts (onReady)', () => {
  const quiet = (): Logger & { lines: { level: string; message: string; fields?: Record<string, unknown> }[] } => {
    const lines: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
    const at = (level: string) => (message: string, fields?: Record<string, unknown>) => void lines.push({ level, message, fields });
    return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  };

  const seededIds = ['cinq-a-sept-bienvenue', 'cinq-a-sept-mensuel', 'dejeuner-reseautage'].map((slug) => stableId('coworking-event', slug));
  const seeded = (slug: string) => reference(stableId('coworking-event', slug));
  const heldReferences = () => tenants.calls.filter((c) => c.operation === 'holdSharedSpace').map((c) => c.variables.input.reference as string);

  it('holds, in the background, every future live event in a shared space: the seeded kitchen events', async () => {
    // Only the seeded events remain in the kitchen; the welcome 5 à 7 is already over.
    await graph.ds.query(`UPDATE coworking_event SET cancelled_at = now() WHERE space_id IS NOT NULL AND id <> ALL($1)`, [seededIds]);
    const log = quiet();
    expect(coworkingModule.onReady!(graph.services as never, log)).toBeUndefined();
    await waitFor(() => log.lines.some((l) => l.message === 'shared-space holds reconciled'));
    expect(heldReferences()).toEqual([seeded('cinq-a-sept-mensuel'), seeded('dejeuner-reseautage')]);
    const today = todayInHouse();
    expect(tenants.calls[0]!.variables.input).toEqual({
      reference: seeded('cinq-a-sept-mensuel'),
      spaceId: kitchen,
      startsAt: houseInstant(addDays(today, 8), '17:00').toISOString(),
      endsAt: houseInstant(addDays(today, 8), '19:00').toISOString(),
      title: '5 à 7 de l’Espace KO',
    });
    expect(log.lines.find((l) => l.message === 'shared-space holds reconciled')!.fields).toEqual({ held: 2, refused: 0 });
  });

  it('retries with backoff while the ledger fails, never throwing, until it answers', async () => {
    let outages = 3;
    tenants.reply((call) => (call.operation === 'holdSharedSpace' && outages-- > 0 ? { status: 500 } : undefined));
    const log = quiet();
    await graph.services.eventAdmin.reconcileHolds(log, { baseDelayMs: 5 });
    expect(log.lines.filter((l) => l.message === 'reconciling holds failed; retrying').map((l) => [l.fields!.round, l.fields!.delayMs])).toEqual([
      [1, 5],
      [2, 10],
      [3, 20],
    ]);
    expect(heldReferences().slice(-2)).toEqual([seeded('cinq-a-sept-mensuel'), seeded('dejeuner-reseautage')]);
    expect(log.lines.at(-1)).toEqual({ level: 'info', message: 'shared-space holds reconciled', fields: { held: 2, refused: 0 } });
  });

  it('moves a hold the ledger keeps at another time, and logs the events it refuses to hold', async () => {
    const lunch = reference(stableId('coworking-event', 'dejeuner-reseautage'));
    tenants.reply((call) => {
      if (call.operation !== 'holdSharedSpace') return undefined;
      const input = call.variables.input;
      if (input.reference === lunch) return slotTaken;
      return { answer: { booking: { id: 'b', startsAt: minutes(new Date(input.startsAt), -60).toISOString(), endsAt: input.endsAt }, userErrors: [] } };
    });
    const log = quiet();
    await graph.services.eventAdmin.reconcileHolds(log, { baseDelayMs: 5 });
    expect(summary(tenants.calls)).toEqual(['holdSharedSpace', 'moveSpaceHold', 'holdSharedSpace']);
    expect(log.lines.filter((l) => l.level === 'error').map((l) => l.fields)).toEqual([
      { refused: [{ eventId: stableId('coworking-event', 'dejeuner-reseautage'), codes: ['SLOT_UNAVAILABLE'] }] },
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
