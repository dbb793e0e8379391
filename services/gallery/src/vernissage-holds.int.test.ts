import { randomUUID } from 'node:crypto';
import { stableId, toHouseIso } from '@maison/house';
import type { Logger } from '@maison/http';
import { admin, daysAheadIn, KITCHEN, SILENT_LOGGER, startLedgerStub, startTestSubgraph, TERRACE, type LedgerStub } from '@maison/testing';
import { galleryModule } from './module';
import { at as atFromToday, data, day as dayFromToday, type GalleryGraph } from './test-support/fixtures';
/** Days counted from a day of the terrace's season (May to October), whatever the day the tests run: its holds keep the season. */
const SEASON = daysAheadIn(['05', '06', '07']);
const day = (n: number) => dayFromToday(SEASON + n);
const at = (n: number, time: string) => atFromToday(SEASON + n, time);

/**
 * A vernissage in a shared space holds it in the tenants ledger, played here by the ledger stub of
 * @maison/testing (the real resolver's rules, the gallery's signature checked): the exhibition and
 * its hold are saved together or not at all.
 */
let graph: GalleryGraph;
let tenants: LedgerStub;
beforeAll(async () => {
  tenants = await startLedgerStub();
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
const create = (title: string, vernissage: ReturnType<typeof evening> | null) =>
  data(graph, CREATE, { input: input(title, vernissage) }, admin).then((d) => d.createExhibition);
const update = (id: string, changes: Record<string, unknown>) => data(graph, UPDATE, { id, input: changes }, admin).then((d) => d.updateExhibition);
const saved = async (slug: string) => (await graph.ds.query('SELECT count(*)::int AS n FROM exhibition WHERE slug = $1', [slug]))[0].n as number;
const stored = async (id: string) =>
  (await graph.ds.query('SELECT vernissage_space_id AS "spaceId", vernissage_starts_at AS "startsAt" FROM exhibition WHERE id = $1', [id]))[0];
/** The reference of an exhibition's hold, as its row stores it. */
const reference = async (id: string): Promise<string | null> =>
  (await graph.ds.query('SELECT hold_reference FROM exhibition WHERE id = $1', [id]))[0]?.hold_reference ?? null;
const holdOf = async (id: string) => {
  const r = await reference(id);
  return r ? tenants.holds.get(r) : undefined;
};
const operations = () => tenants.calls.map((c) => c.operation);
const GALLERY = { sub: 'service:gallery', roles: ['ADMIN'] };

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
    const r = await reference(id);
    expect(r).toMatch(new RegExp(`^vernissage:${id}-[0-9a-f]{12}$`));
    expect(tenants.calls).toEqual([
      {
        operation: 'holdSharedSpace',
        identity: GALLERY,
        lang: 'fr',
        requestId: expect.any(String),
        args: {
          input: {
            reference: r,
            spaceId: TERRACE,
            startsAt: at(30, '17:00').toISOString(),
            endsAt: at(30, '20:00').toISOString(),
            title: 'Vernissage : Couleurs du large',
            attendees: null,
            override: null,
          },
        },
      },
    ]);
    expect([...tenants.holds.keys()]).toEqual([r]);
  });

  it('calls no ledger for a vernissage in the gallery', async () => {
    const payload = await create('Dans la galerie', evening(30, null));
    expect(payload.userErrors).toEqual([]);
    expect(tenants.calls).toEqual([]);
  });

  it('answers SLOT_UNAVAILABLE when the terrace is taken, saving nothing; an evening whose cleaning buffer (15 minutes) ends when the booking starts is held', async () => {
    tenants.state.bookings.push({ spaceId: TERRACE, startsAt: at(30, '19:00'), endsAt: at(30, '22:00') });
    const taken = await create('Soir pris', evening(30, TERRACE, '17:00', '18:46'));
    expect(taken).toEqual({
      exhibition: null,
      userErrors: [{ code: 'SLOT_UNAVAILABLE', message: 'Ce créneau est déjà pris.', field: ['input', 'vernissage', 'startsAt'] }],
    });
    expect(await saved('soir-pris')).toBe(0);
    expect(tenants.holds.size).toBe(0);
    expect(operations()).toEqual(['holdSharedSpace']);

    const before = await create('Soir libre', evening(30, TERRACE, '17:00', '18:45'));
    expect(before.userErrors).toEqual([]);
    expect(await holdOf(before.exhibition.id)).toMatchObject({ startsAt: at(30, '17:00'), endsAt: at(30, '18:45') });
  });

  it('answers NOT_FOUND for a space the ledger does not know, saving nothing', async () => {
    const payload = await create('Espace inconnu', evening(30, stableId('shared-space', 'grenier')));
    expect(payload).toEqual({
      exhibition: null,
      userErrors: [{ code: 'NOT_FOUND', message: 'Introuvable.', field: ['input', 'vernissage', 'sharedSpaceId'] }],
    });
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
    // The outcome of the failed call is unknown: the gallery releases the reference to be sure, for good.
    expect(operations()).toEqual(['holdSharedSpace', 'releaseSpaceHold']);
    expect(tenants.calls[1]!.args.reference).toBe(tenants.calls[0]!.args.input.reference);
    expect(tenants.holds.size).toBe(0);
    expect(tenants.state.released.has(tenants.calls[0]!.args.input.reference)).toBe(true);
  });

  it('saves nothing when the ledger cannot be reached at all', async () => {
    const offline = await startTestSubgraph(galleryModule, { seed: false, env: { TENANTS_URL: 'http://127.0.0.1:9/graphql' } });
    try {
      const { body } = await offline.execute(CREATE, { input: input('Hors ligne', evening(30, KITCHEN)) }, { identity: admin });
      expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
      expect(body.errors?.[0]?.message).toBe(
        'Le registre des espaces partagés (sous-graphe tenants) ne répond pas : rien n’a été enregistré. Réessayez plus tard.',
      );
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
  it('moves the hold with the vernissage: new times, another space; releases it into the gallery; holds it again out of it, under a new reference', async () => {
    const { exhibition } = await create('Qui bouge', evening(30, TERRACE));
    const id: string = exhibition.id;
    const first = await reference(id);
    tenants.calls.length = 0;

    expect((await update(id, { vernissage: evening(31, TERRACE, '18:00', '21:00') })).userErrors).toEqual([]);
    expect(tenants.calls.map((c) => [c.operation, c.args])).toEqual([
      [
        'moveSpaceHold',
        {
          reference: first,
          spaceId: TERRACE,
          startsAt: at(31, '18:00').toISOString(),
          endsAt: at(31, '21:00').toISOString(),
          title: 'Vernissage : Qui bouge',
          attendees: null,
          override: null,
        },
      ],
    ]);
    expect(await holdOf(id)).toMatchObject({ spaceId: TERRACE, startsAt: at(31, '18:00') });

    expect((await update(id, { vernissage: evening(31, KITCHEN, '18:00', '21:00') })).userErrors).toEqual([]);
    expect(await holdOf(id)).toMatchObject({ spaceId: KITCHEN });

    // A new title is the hold's title too.
    expect((await update(id, { title: { fr: 'Qui bouge encore' } })).userErrors).toEqual([]);
    expect((await holdOf(id))!.title).toBe('Vernissage : Qui bouge encore');

    expect((await update(id, { vernissage: evening(31, null) })).exhibition.vernissage.sharedSpace).toBeNull();
    expect(await reference(id)).toBeNull();
    expect(tenants.holds.has(first!)).toBe(false);

    expect((await update(id, { vernissage: evening(32, TERRACE) })).userErrors).toEqual([]);
    expect(await holdOf(id)).toMatchObject({ spaceId: TERRACE, startsAt: at(32, '17:00') });
    expect(await reference(id)).not.toBe(first);
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
    tenants.state.bookings.push({ spaceId: TERRACE, startsAt: at(33, '16:00'), endsAt: at(33, '18:00') });
    const before = await stored(exhibition.id);
    expect(await update(exhibition.id, { vernissage: evening(33, TERRACE) })).toEqual({
      exhibition: null,
      userErrors: [{ code: 'SLOT_UNAVAILABLE', message: 'Ce créneau est déjà pris.', field: ['input', 'vernissage', 'startsAt'] }],
    });
    expect(await stored(exhibition.id)).toEqual(before);
    expect(await holdOf(exhibition.id)).toMatchObject({ startsAt: at(30, '17:00'), endsAt: at(30, '20:00') });
  });

  it('holds the new time when the ledger has no hold to move (a vernissage never reconciled)', async () => {
    const { exhibition } = await create('Jamais tenue', evening(30, TERRACE));
    tenants.holds.clear();
    tenants.calls.length = 0;
    expect((await update(exhibition.id, { vernissage: evening(34, TERRACE) })).userErrors).toEqual([]);
    expect(operations()).toEqual(['moveSpaceHold', 'holdSharedSpace']);
    expect(await holdOf(exhibition.id)).toMatchObject({ startsAt: at(34, '17:00') });
  });

  it('puts the hold back where it was when a move fails (HTTP 500), and saves nothing', async () => {
    const { exhibition } = await create('Panne au déplacement', evening(30, TERRACE));
    const before = await stored(exhibition.id);
    tenants.failNext(1);
    const { body } = await graph.execute(UPDATE, { id: exhibition.id, input: { vernissage: evening(35, TERRACE) } }, { identity: admin });
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(await stored(exhibition.id)).toEqual(before);
    expect(await holdOf(exhibition.id)).toMatchObject({ startsAt: at(30, '17:00') });
  });

  it('releases the hold once the exhibition is removed; a release that fails is retried in the background', async () => {
    const gone = await create('Partie', evening(30, TERRACE));
    const goneReference = await reference(gone.exhibition.id);
    tenants.calls.length = 0;
    expect((await data(graph, CANCEL, { id: gone.exhibition.id }, admin)).cancelExhibition).toEqual({
      cancelledExhibitionId: gone.exhibition.id,
      userErrors: [],
    });
    expect(tenants.calls.map((c) => [c.operation, c.args])).toEqual([['releaseSpaceHold', { reference: goneReference }]]);
    expect(tenants.holds.has(goneReference!)).toBe(false);

    const kept = await create('Gardée', evening(30, KITCHEN));
    const keptReference = await reference(kept.exhibition.id);
    tenants.calls.length = 0;
    tenants.failNext(1);
    // The exhibition is what the house knows: it is removed, and the hold follows.
    expect((await data(graph, CANCEL, { id: kept.exhibition.id }, admin)).cancelExhibition).toEqual({
      cancelledExhibitionId: kept.exhibition.id,
      userErrors: [],
    });
    expect(await saved('gardee')).toBe(0);
    await waitFor(() => !tenants.holds.has(keptReference!));
    expect(tenants.calls.map((c) => [c.operation, c.args])).toEqual([
      ['releaseSpaceHold', { reference: keptReference }],
      ['releaseSpaceHold', { reference: keptReference }],
    ]);
  });
});

describe('an idempotencyKey on createExhibition', () => {
  const keyed = (key: string, title = 'Grès du large') => ({ ...input(title, evening(40, TERRACE)), idempotencyKey: key });

  it('answers the same exhibition to the same request, once, and IDEMPOTENCY_KEY_REUSED to another', async () => {
    const first = (await data(graph, CREATE, { input: keyed('gres-du-large') }, admin)).createExhibition;
    expect(first.userErrors).toEqual([]);
    expect((await data(graph, CREATE, { input: keyed('gres-du-large') }, admin)).createExhibition).toEqual(first);
    expect(operations()).toEqual(['holdSharedSpace']);
    expect((await data(graph, CREATE, { input: keyed('gres-du-large', 'Autre titre') }, admin, 'en')).createExhibition).toEqual({
      exhibition: null,
      userErrors: [
        { code: 'IDEMPOTENCY_KEY_REUSED', message: 'This idempotency key was already used for a different request.', field: ['input', 'idempotencyKey'] },
      ],
    });
  });

  it('lets an ADMIN retry after an answer that was lost: one exhibition, one hold', async () => {
    tenants.loseAnswerWhen((call) => call.operation === 'holdSharedSpace' && tenants.calls.length === 1);
    const lost = await graph.execute(CREATE, { input: keyed('perdue', 'Réponse perdue') }, { identity: admin });
    expect(lost.body.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(await saved('reponse-perdue')).toBe(0);
    const retried = (await data(graph, CREATE, { input: keyed('perdue', 'Réponse perdue') }, admin)).createExhibition;
    expect(retried.userErrors).toEqual([]);
    expect(await saved('reponse-perdue')).toBe(1);
    expect([...tenants.holds.keys()]).toEqual([await reference(retried.exhibition.id)]);
  });
});

describe('reconciling vernissages’ holds', () => {
  let seeded: GalleryGraph;
  beforeAll(async () => {
    seeded = await startTestSubgraph(galleryModule, { env: { TENANTS_URL: tenants.url, HOLD_RECONCILE_SECONDS: '1' } });
  });
  afterAll(async () => {
    await seeded?.close();
  });
  const round = () => seeded.services.vernissageHolds.reconciler.round(SILENT_LOGGER);
  const expectedHolds = async () =>
    (
      await seeded.ds.query(
        `SELECT id, vernissage_space_id AS "spaceId", vernissage_starts_at AS "startsAt", vernissage_ends_at AS "endsAt", title
         FROM exhibition WHERE vernissage_space_id IS NOT NULL AND vernissage_ends_at > now() ORDER BY id`,
      )
    ).map((e: { id: string; spaceId: string; startsAt: Date; endsAt: Date; title: { fr: string } }) => ({
      reference: `vernissage:${e.id}`,
      spaceId: e.spaceId,
      startsAt: e.startsAt,
      endsAt: e.endsAt,
      title: `Vernissage : ${e.title.fr}`,
    }));
  const live = () =>
    [...tenants.holds.values()]
      .map(({ reference: r, spaceId, startsAt, endsAt, title }) => ({ reference: r, spaceId, startsAt, endsAt, title }))
      .sort((a, b) => (a.reference < b.reference ? -1 : 1));

  it('holds every future vernissage in a shared space (the seeded ones, under their legacy references), idempotently, and reports the refused ones', async () => {
    const wanted = await expectedHolds();
    expect(wanted.length).toBeGreaterThan(0);
    expect(await round()).toEqual({ checked: wanted.length, fixed: wanted.length, released: [], refused: [] });
    expect(live()).toEqual(wanted);
    expect(await round()).toEqual({ checked: wanted.length, fixed: 0, released: [], refused: [] });
    expect(live()).toEqual(wanted);

    // A hold the ledger refuses (its slot was booked meanwhile) is reported, the others kept.
    tenants.holds.delete(wanted[0]!.reference);
    tenants.state.bookings.push({ spaceId: wanted[0]!.spaceId, startsAt: wanted[0]!.startsAt, endsAt: wanted[0]!.endsAt });
    expect(await round()).toEqual({
      checked: wanted.length,
      fixed: 0,
      released: [],
      refused: [{ ownerId: wanted[0]!.reference.slice('vernissage:'.length), codes: ['SLOT_UNAVAILABLE'] }],
    });
  });

  it('releases the holds no exhibition wants: a removed one, one moved into the gallery', async () => {
    await round();
    const removed = `vernissage:${randomUUID()}-0a1b2c3d4e5f`;
    tenants.state.hold({
      reference: removed,
      spaceId: KITCHEN,
      startsAt: at(50, '17:00').toISOString(),
      endsAt: at(50, '19:00').toISOString(),
      title: 'Vernissage : Partie',
    });
    const [first] = await expectedHolds();
    const firstId = first!.reference.slice('vernissage:'.length);
    await seeded.ds.query('UPDATE exhibition SET vernissage_space_id = NULL WHERE id = $1', [firstId]);
    try {
      expect([...(await round()).released].sort()).toEqual([first!.reference, removed].sort());
      expect(tenants.holds.has(removed) || tenants.holds.has(first!.reference)).toBe(false);
    } finally {
      await seeded.ds.query('UPDATE exhibition SET vernissage_space_id = $2 WHERE id = $1', [firstId, first!.spaceId]);
    }
  });

  it('runs rounds from the module’s onReady hook, at boot and every HOLD_RECONCILE_SECONDS, past a round the ledger fails', async () => {
    tenants.failNext(1);
    const lines: string[] = [];
    const log: Logger = { ...SILENT_LOGGER, warn: (message) => void lines.push(message), info: (message) => void lines.push(message) };
    expect((await expectedHolds()).length).toBeGreaterThan(0);
    galleryModule.onReady!(seeded.services, log);
    await waitFor(() => lines.includes('shared-space holds reconciled'));
    expect(lines).toEqual(['shared-space holds not reconciled; the next round will try again', 'shared-space holds reconciled']);
    expect(live()).toEqual(await expectedHolds());
  });
});

async function waitFor(done: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
