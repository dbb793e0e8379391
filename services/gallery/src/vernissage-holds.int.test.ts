import { stableId, toHouseIso } from '@maison/house';
import type { Logger } from '@maison/http';
import { admin, startTestSubgraph } from '@maison/testing';
import { galleryModule } from './module';
import { at, data, day, type GalleryGraph } from './test-support/fixtures';
import { KITCHEN, startStubTenants, TERRACE, type StubTenants } from './test-support/stub-tenants';

/**
 * A vernissage in a shared space holds it in the tenants ledger, played here by a stub HTTP peer
 * that checks the gallery's signature: the exhibition and its hold are saved together or not at all.
 */
let graph: GalleryGraph;
let tenants: StubTenants;
beforeAll(async () => {
  tenants = await startStubTenants();
  graph = await startTestSubgraph(galleryModule, { seed: false, env: { TENANTS_URL: tenants.url } });
});
afterAll(async () => {
  await graph?.close();
  await tenants?.close();
});
beforeEach(() => tenants.reset());

const CREATE = `mutation($input: CreateExhibitionInput!) {
  createExhibition(input: $input) { exhibition { id slug vernissage { startsAt endsAt venueName sharedSpace { id } } } userErrors { code message field } }
}`;
const UPDATE = `mutation($id: ID!, $input: UpdateExhibitionInput!) {
  updateExhibition(id: $id, input: $input) { exhibition { id vernissage { startsAt endsAt sharedSpace { id } } } userErrors { code message field } }
}`;
const CANCEL = `mutation($id: ID!) { cancelExhibition(id: $id) { cancelledExhibitionId userErrors { code field } } }`;

const evening = (n: number, sharedSpaceId: string | null, from = '17:00', to = '20:00') => ({ startsAt: at(n, from), endsAt: at(n, to), sharedSpaceId });
const input = (title: string, vernissage: ReturnType<typeof evening> | null) => ({ title: { fr: title }, startsOn: day(30), endsOn: day(60), vernissage });
const create = (title: string, vernissage: ReturnType<typeof evening> | null) => data(graph, CREATE, { input: input(title, vernissage) }, admin).then((d) => d.createExhibition);
const update = (id: string, changes: Record<string, unknown>) => data(graph, UPDATE, { id, input: changes }, admin).then((d) => d.updateExhibition);
const saved = async (slug: string) => (await graph.ds.query('SELECT count(*)::int AS n FROM exhibition WHERE slug = $1', [slug]))[0].n as number;
const stored = async (id: string) =>
  (await graph.ds.query('SELECT vernissage_space_id AS "spaceId", vernissage_starts_at AS "startsAt" FROM exhibition WHERE id = $1', [id]))[0];
const holdOf = (id: string) => tenants.holds.get(`vernissage:${id}`);
const operations = () => tenants.calls.map((c) => c.operation);
const reference = (id: string) => `vernissage:${id}`;

describe('a vernissage in a shared space holds it in the ledger', () => {
  it('holds the terrace with the exhibition’s reference, times and title, through a call signed as the gallery service', async () => {
    const payload = await create('Couleurs du large', evening(30, TERRACE));
    const id: string = payload.exhibition.id;
    expect(payload).toEqual({
      exhibition: {
        id,
        slug: 'couleurs-du-large',
        vernissage: { startsAt: toHouseIso(at(30, '17:00')), endsAt: toHouseIso(at(30, '20:00')), venueName: 'Terrasse', sharedSpace: { id: TERRACE } },
      },
      userErrors: [],
    });
    expect(tenants.calls).toEqual([
      {
        operation: 'holdSharedSpace',
        identity: { sub: 'service:gallery', roles: ['ADMIN'] },
        variables: {
          input: {
            reference: reference(id),
            spaceId: TERRACE,
            startsAt: at(30, '17:00').toISOString(),
            endsAt: at(30, '20:00').toISOString(),
            title: 'Vernissage : Couleurs du large',
          },
        },
      },
    ]);
    expect([...tenants.holds.keys()]).toEqual([reference(id)]);
  });

  it('calls no ledger for a vernissage in the gallery', async () => {
    const payload = await create('Dans la galerie', evening(30, null));
    expect(payload.userErrors).toEqual([]);
    expect(tenants.calls).toEqual([]);
  });

  it('answers SLOT_UNAVAILABLE when the terrace is taken, saving nothing; an evening that ends when the booking starts is held', async () => {
    tenants.bookings.push({ spaceId: TERRACE, startsAt: at(30, '19:00'), endsAt: at(30, '22:00') });
    const taken = await create('Soir pris', evening(30, TERRACE, '17:00', '19:01'));
    expect(taken).toEqual({
      exhibition: null,
      userErrors: [{ code: 'SLOT_UNAVAILABLE', message: 'Ce créneau est déjà pris.', field: ['input', 'vernissage', 'startsAt'] }],
    });
    expect(await saved('soir-pris')).toBe(0);
    expect(tenants.holds.size).toBe(0);
    expect(operations()).toEqual(['holdSharedSpace']);

    const before = await create('Soir libre', evening(30, TERRACE, '17:00', '19:00'));
    expect(before.userErrors).toEqual([]);
    expect(holdOf(before.exhibition.id)).toMatchObject({ startsAt: at(30, '17:00').toISOString(), endsAt: at(30, '19:00').toISOString() });
  });

  it('answers NOT_FOUND for a space the ledger does not know, saving nothing', async () => {
    const payload = await create('Espace inconnu', evening(30, stableId('shared-space', 'grenier')));
    expect(payload).toEqual({ exhibition: null, userErrors: [{ code: 'NOT_FOUND', message: 'Introuvable.', field: ['input', 'vernissage', 'sharedSpaceId'] }] });
    expect(await saved('espace-inconnu')).toBe(0);
  });

  it('saves nothing when the ledger fails (HTTP 500), says so clearly, and releases a hold it may have made', async () => {
    tenants.failNext(1);
    const { body } = await graph.execute(CREATE, { input: input('Panne du registre', evening(30, TERRACE)) }, { identity: admin, lang: 'en' });
    expect(body).toEqual({
      data: null,
      errors: [
        expect.objectContaining({
          message: 'The ledger of the shared spaces (tenants subgraph) did not answer: nothing was saved. Try again later.',
          extensions: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE', reason: 'LEDGER_UNAVAILABLE' }),
        }),
      ],
    });
    expect(await saved('panne-du-registre')).toBe(0);
    // The outcome of the failed call is unknown: the gallery releases the reference to be sure.
    expect(operations()).toEqual(['holdSharedSpace', 'releaseSpaceHold']);
    expect(tenants.calls[1]!.variables.reference).toBe(tenants.calls[0]!.variables.input.reference);
    expect(tenants.holds.size).toBe(0);
  });

  it('saves nothing when the ledger cannot be reached at all', async () => {
    const offline = await startTestSubgraph(galleryModule, { seed: false, env: { TENANTS_URL: 'http://127.0.0.1:9/graphql' } });
    try {
      const { body } = await offline.execute(CREATE, { input: input('Hors ligne', evening(30, KITCHEN)) }, { identity: admin });
      expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
      expect(body.errors?.[0]?.message).toBe('Le registre des espaces partagés (sous-graphe tenants) ne répond pas : rien n’a été enregistré. Réessayez plus tard.');
      expect((await offline.ds.query('SELECT count(*)::int AS n FROM exhibition'))[0].n).toBe(0);
    } finally {
      await offline.close();
    }
  });

  it('releases the hold when the commit fails after the ledger agreed (compensation)', async () => {
    // A deferred constraint trigger fails at COMMIT, after the hold was made inside the transaction.
    await graph.ds.query(`
      CREATE FUNCTION refuse_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.title ->> 'fr' = 'Échec au commit' THEN RAISE EXCEPTION 'refused at commit'; END IF; RETURN NULL; END $$;
      CREATE CONSTRAINT TRIGGER refuse_at_commit AFTER INSERT ON exhibition DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW EXECUTE FUNCTION refuse_at_commit();`);
    try {
      const { body } = await graph.execute(CREATE, { input: input('Échec au commit', evening(30, TERRACE)) }, { identity: admin });
      expect(body.data).toBeNull();
      expect(body.errors).toHaveLength(1);
      expect(await saved('echec-au-commit')).toBe(0);
      expect(operations()).toEqual(['holdSharedSpace', 'releaseSpaceHold']);
      expect(tenants.holds.size).toBe(0);
    } finally {
      await graph.ds.query('DROP TRIGGER refuse_at_commit ON exhibition; DROP FUNCTION refuse_at_commit();');
    }
  });
});

describe('changing or cancelling an exhibition moves or releases its hold', () => {
  it('moves the hold with the vernissage: new times, another space; releases it into the gallery; holds it again out of it', async () => {
    const { exhibition } = await create('Qui bouge', evening(30, TERRACE));
    const id: string = exhibition.id;
    tenants.calls.length = 0;

    expect((await update(id, { vernissage: evening(31, TERRACE, '18:00', '21:00') })).userErrors).toEqual([]);
    expect(tenants.calls.map((c) => [c.operation, c.variables])).toEqual([
      [
        'moveSpaceHold',
        { reference: reference(id), spaceId: TERRACE, startsAt: at(31, '18:00').toISOString(), endsAt: at(31, '21:00').toISOString(), title: 'Vernissage : Qui bouge' },
      ],
    ]);
    expect(holdOf(id)).toMatchObject({ spaceId: TERRACE, startsAt: at(31, '18:00').toISOString() });

    expect((await update(id, { vernissage: evening(31, KITCHEN, '18:00', '21:00') })).userErrors).toEqual([]);
    expect(holdOf(id)).toMatchObject({ spaceId: KITCHEN });

    // A new title is the hold's title too.
    expect((await update(id, { title: { fr: 'Qui bouge encore' } })).userErrors).toEqual([]);
    expect(holdOf(id)!.title).toBe('Vernissage : Qui bouge encore');

    expect((await update(id, { vernissage: evening(31, null) })).exhibition.vernissage.sharedSpace).toBeNull();
    expect(holdOf(id)).toBeUndefined();

    expect((await update(id, { vernissage: evening(32, TERRACE) })).userErrors).toEqual([]);
    expect(holdOf(id)).toMatchObject({ spaceId: TERRACE, startsAt: at(32, '17:00').toISOString() });
    expect(operations()).toEqual(['moveSpaceHold', 'moveSpaceHold', 'moveSpaceHold', 'releaseSpaceHold', 'holdSharedSpace']);
  });

  it('calls no ledger when the hold does not change', async () => {
    const { exhibition } = await create('Immobile', evening(30, TERRACE));
    tenants.calls.length = 0;
    expect((await update(exhibition.id, { description: { fr: 'Nouvelle description' }, endsOn: day(61) })).userErrors).toEqual([]);
    expect(tenants.calls).toEqual([]);
  });

  it('keeps the exhibition and its hold as they were when the new time is taken', async () => {
    const { exhibition } = await create('Reste en place', evening(30, TERRACE));
    tenants.bookings.push({ spaceId: TERRACE, startsAt: at(33, '16:00'), endsAt: at(33, '18:00') });
    const before = await stored(exhibition.id);
    expect(await update(exhibition.id, { vernissage: evening(33, TERRACE) })).toEqual({
      exhibition: null,
      userErrors: [{ code: 'SLOT_UNAVAILABLE', message: 'Ce créneau est déjà pris.', field: ['input', 'vernissage', 'startsAt'] }],
    });
    expect(await stored(exhibition.id)).toEqual(before);
    expect(holdOf(exhibition.id)).toMatchObject({ startsAt: at(30, '17:00').toISOString(), endsAt: at(30, '20:00').toISOString() });
  });

  it('holds the new time when the ledger has no hold to move (a vernissage never reconciled)', async () => {
    const { exhibition } = await create('Jamais tenue', evening(30, TERRACE));
    tenants.holds.clear();
    tenants.calls.length = 0;
    expect((await update(exhibition.id, { vernissage: evening(34, TERRACE) })).userErrors).toEqual([]);
    expect(operations()).toEqual(['moveSpaceHold', 'holdSharedSpace']);
    expect(holdOf(exhibition.id)).toMatchObject({ startsAt: at(34, '17:00').toISOString() });
  });

  it('puts the hold back where it was when a move fails (HTTP 500), and saves nothing', async () => {
    const { exhibition } = await create('Panne au déplacement', evening(30, TERRACE));
    const before = await stored(exhibition.id);
    tenants.failNext(1);
    const { body } = await graph.execute(UPDATE, { id: exhibition.id, input: { vernissage: evening(35, TERRACE) } }, { identity: admin });
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(await stored(exhibition.id)).toEqual(before);
    expect(holdOf(exhibition.id)).toMatchObject({ startsAt: at(30, '17:00').toISOString() });
  });

  it('releases the hold when the exhibition is cancelled; a failed release keeps both', async () => {
    const kept = await create('Gardée', evening(30, KITCHEN));
    tenants.failNext(1);
    const failed = await graph.execute(CANCEL, { id: kept.exhibition.id }, { identity: admin });
    expect(failed.body.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(await saved('gardee')).toBe(1);
    expect(holdOf(kept.exhibition.id)).toMatchObject({ spaceId: KITCHEN });

    tenants.calls.length = 0;
    expect((await data(graph, CANCEL, { id: kept.exhibition.id }, admin)).cancelExhibition).toEqual({ cancelledExhibitionId: kept.exhibition.id, userErrors: [] });
    expect(tenants.calls.map((c) => [c.operation, c.variables])).toEqual([['releaseSpaceHold', { reference: reference(kept.exhibition.id) }]]);
    expect(await saved('gardee')).toBe(0);
    expect(holdOf(kept.exhibition.id)).toBeUndefined();
  });
});

describe('reconciling holds when the gallery starts', () => {
  const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };

  it('holds every future vernissage in a shared space, idempotently, and reports the refused ones', async () => {
    const seeded = await startTestSubgraph(galleryModule, { env: { TENANTS_URL: tenants.url } });
    try {
      const expected: { id: string; spaceId: string; startsAt: Date; endsAt: Date; title: { fr: string } }[] = await seeded.ds.query(
        `SELECT id, vernissage_space_id AS "spaceId", vernissage_starts_at AS "startsAt", vernissage_ends_at AS "endsAt", title
         FROM exhibition WHERE vernissage_space_id IS NOT NULL AND vernissage_ends_at > now() ORDER BY vernissage_starts_at`,
      );
      expect(expected.length).toBeGreaterThan(0);
      const first = await seeded.services.vernissageReconciler.reconcileOnce(silent);
      expect(first).toEqual({ checked: expected.length, refused: [] });
      const holds = () => [...tenants.holds.values()].map(({ reference, spaceId, startsAt, endsAt, title }) => ({ reference, spaceId, startsAt, endsAt, title }));
      const wanted = expected.map((e) => ({
        reference: reference(e.id),
        spaceId: e.spaceId,
        startsAt: e.startsAt.toISOString(),
        endsAt: e.endsAt.toISOString(),
        title: `Vernissage : ${e.title.fr}`,
      }));
      expect(holds()).toEqual(wanted);
      await seeded.services.vernissageReconciler.reconcileOnce(silent);
      expect(holds()).toEqual(wanted);

      // A hold the ledger refuses (its slot was booked meanwhile) is reported, the others kept.
      tenants.holds.delete(reference(expected[0]!.id));
      tenants.bookings.push({ spaceId: expected[0]!.spaceId, startsAt: expected[0]!.startsAt, endsAt: expected[0]!.endsAt });
      expect(await seeded.services.vernissageReconciler.reconcileOnce(silent)).toEqual({
        checked: expected.length,
        refused: [{ reference: reference(expected[0]!.id), codes: ['SLOT_UNAVAILABLE'] }],
      });
    } finally {
      await seeded.close();
    }
  });

  it('retries with backoff in the background until the ledger answers, logging and never throwing', async () => {
    const seeded = await startTestSubgraph(galleryModule, { env: { TENANTS_URL: tenants.url } });
    const lines: { level: string; message: string }[] = [];
    const log: Logger = {
      debug: (message) => lines.push({ level: 'debug', message }),
      info: (message) => lines.push({ level: 'info', message }),
      warn: (message) => lines.push({ level: 'warn', message }),
      error: (message) => lines.push({ level: 'error', message }),
    };
    try {
      tenants.failNext(3);
      const handle = seeded.services.vernissageReconciler.start(log, { firstRetryMs: 10 });
      await handle.done;
      expect(lines.filter((l) => l.message !== 'write with a vernissage hold not saved')).toEqual([
        { level: 'warn', message: 'vernissage holds not reconciled yet; will retry' },
        { level: 'warn', message: 'vernissage holds not reconciled yet; will retry' },
        { level: 'warn', message: 'vernissage holds not reconciled yet; will retry' },
        { level: 'info', message: 'vernissage holds reconciled' },
      ]);
      expect(tenants.holds.size).toBeGreaterThan(0);
    } finally {
      await seeded.close();
    }
  });

  it('starts from the module’s onReady hook', async () => {
    const seeded = await startTestSubgraph(galleryModule, { env: { TENANTS_URL: tenants.url } });
    const messages: string[] = [];
    const log: Logger = { ...silent, info: (message) => messages.push(message) };
    try {
      galleryModule.onReady!(seeded.services, log);
      const deadline = Date.now() + 10_000;
      while (!messages.includes('vernissage holds reconciled') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(messages).toEqual(['vernissage holds reconciled']);
      expect(operations()[0]).toBe('holdSharedSpace');
      expect(tenants.holds.size).toBeGreaterThan(0);
    } finally {
      await seeded.close();
    }
  });
});
