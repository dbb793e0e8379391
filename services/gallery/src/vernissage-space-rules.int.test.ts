import type { Logger } from '@maison/http';
import { admin, daysAheadIn, KITCHEN, startLedgerStub, startTestSubgraph, TERRACE, type LedgerStub } from '@maison/testing';
import { galleryModule } from './module';
import { at, data, day, type GalleryGraph } from './test-support/fixtures';

/**
 * A vernissage held in a shared space keeps the space's capacity (for the people it expects),
 * opening hours and season, as the ledger stub of @maison/testing applies them (the kitchen: 12
 * people, 7:00 to 22:00; the terrace: May to October, 9:00 to 21:00), unless ADMIN overrides them.
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

const PAYLOAD = 'exhibition { id vernissage { startsAt sharedSpace { id } } } userErrors { code message field }';
const CREATE = `mutation($input: CreateExhibitionInput!) { createExhibition(input: $input) { ${PAYLOAD} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateExhibitionInput!) { updateExhibition(id: $id, input: $input) { ${PAYLOAD} } }`;
const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** An exhibition on view from day `n` for a month, its vernissage that evening. */
const exhibition = (title: string, n: number, vernissage: Record<string, unknown>) => ({
  title: { fr: title },
  startsOn: day(n),
  endsOn: day(n + 30),
  vernissage: { startsAt: at(n, '17:00'), endsAt: at(n, '20:00'), ...vernissage },
});
const create = (input: Record<string, unknown>, lang: 'fr' | 'en' = 'fr') => data(graph, CREATE, { input }, admin, lang).then((d) => d.createExhibition);
const update = (id: string, input: Record<string, unknown>) => data(graph, UPDATE, { id, input }, admin).then((d) => d.updateExhibition);
const titled = async (title: string) => (await graph.ds.query(`SELECT count(*)::int AS n FROM exhibition WHERE title ->> 'fr' = $1`, [title]))[0].n as number;
const stored = async (id: string) =>
  (
    await graph.ds.query(
      `SELECT hold_reference, vernissage_starts_at, vernissage_expected_attendees AS attendees, vernissage_override_reason AS reason FROM exhibition WHERE id = $1`,
      [id],
    )
  )[0];
const JANUARY = daysAheadIn(['01']);
const SUMMER = daysAheadIn(['05', '06', '07']);

describe('a vernissage in a shared space keeps its rules', () => {
  it('refuses the terrace in January with OUT_OF_SEASON on ["input", "vernissage", "startsAt"], in French and English, and saves nothing', async () => {
    const input = exhibition('Glaces du fleuve', JANUARY, { sharedSpaceId: TERRACE });
    expect(await create(input)).toEqual({
      exhibition: null,
      userErrors: [{ code: 'OUT_OF_SEASON', message: 'Cet espace est fermé pour la saison à cette date.', field: ['input', 'vernissage', 'startsAt'] }],
    });
    expect((await create(input, 'en')).userErrors).toEqual([
      { code: 'OUT_OF_SEASON', message: 'This space is closed for the season on that date.', field: ['input', 'vernissage', 'startsAt'] },
    ]);
    expect(await titled('Glaces du fleuve')).toBe(0);
    expect(tenants.holds.size).toBe(0);
  });

  it('refuses more expected people than the kitchen holds on ["input", "vernissage", "expectedAttendees"], and an evening past its hours', async () => {
    expect((await create(exhibition('Cuisine comble', 20, { sharedSpaceId: KITCHEN, expectedAttendees: 40 }))).userErrors).toEqual([
      { code: 'OVER_CAPACITY', message: 'Cet espace accueille au plus 12 personnes.', field: ['input', 'vernissage', 'expectedAttendees'] },
    ]);
    const late = { ...exhibition('Cuisine de nuit', 20, { sharedSpaceId: KITCHEN }) };
    late.vernissage = { ...late.vernissage, startsAt: at(20, '21:00'), endsAt: at(20, '23:00') };
    expect((await create(late)).userErrors).toEqual([
      { code: 'OUTSIDE_OPENING_HOURS', message: 'Ce créneau est en dehors des heures d’ouverture.', field: ['input', 'vernissage', 'startsAt'] },
    ]);
    expect((await titled('Cuisine comble')) + (await titled('Cuisine de nuit'))).toBe(0);
    expect(tenants.holds.size).toBe(0);
  });

  it('checks no capacity when expectedAttendees is left out, and holds within it when stated', async () => {
    const unstated = await create(exhibition('Sans compte', 21, { sharedSpaceId: KITCHEN }));
    expect(unstated.userErrors).toEqual([]);
    expect(tenants.calls.at(-1)!.args.input).toMatchObject({ attendees: null, override: null });
    const stated = await create(exhibition('Douze invités', 22, { sharedSpaceId: KITCHEN, expectedAttendees: 12 }));
    expect(stated.userErrors).toEqual([]);
    expect(await stored(stated.exhibition.id)).toMatchObject({ attendees: 12, reason: null });
  });

  it('holds despite the rules with spaceRulesOverride, on createExhibition and updateExhibition; the exhibition keeps the reason', async () => {
    const created = await create(
      exhibition('Vernissage sous la neige', JANUARY + 1, {
        sharedSpaceId: TERRACE,
        expectedAttendees: 60,
        spaceRulesOverride: { reason: 'Braseros sur la terrasse' },
      }),
    );
    expect(created.userErrors).toEqual([]);
    const row = await stored(created.exhibition.id);
    expect(row).toMatchObject({ attendees: 60, reason: 'Braseros sur la terrasse' });
    expect(tenants.holds.get(row.hold_reference)).toMatchObject({ spaceId: TERRACE, attendees: 60, overrideReason: 'Braseros sur la terrasse' });

    // In the kitchen in summer, then moved to a January evening on the terrace: refused, then accepted with an override.
    const summer = await create(exhibition('Été dans la cuisine', SUMMER, { sharedSpaceId: KITCHEN }));
    const january = { startsAt: at(JANUARY + 2, '17:00'), endsAt: at(JANUARY + 2, '19:00'), sharedSpaceId: TERRACE };
    const dates = { startsOn: day(JANUARY + 2), endsOn: day(JANUARY + 20) };
    expect(await update(summer.exhibition.id, { ...dates, vernissage: january })).toEqual({
      exhibition: null,
      userErrors: [{ code: 'OUT_OF_SEASON', message: 'Cet espace est fermé pour la saison à cette date.', field: ['input', 'vernissage', 'startsAt'] }],
    });
    expect(await stored(summer.exhibition.id)).toMatchObject({ vernissage_starts_at: at(SUMMER, '17:00'), reason: null });
    const moved = await update(summer.exhibition.id, { ...dates, vernissage: { ...january, spaceRulesOverride: { reason: 'Hiver exceptionnel' } } });
    expect(moved.userErrors).toEqual([]);
    expect(tenants.calls.at(-1)).toMatchObject({ operation: 'moveSpaceHold', args: { override: { reason: 'Hiver exceptionnel' } } });
    expect(await stored(summer.exhibition.id)).toMatchObject({ vernissage_starts_at: january.startsAt, reason: 'Hiver exceptionnel' });
  });

  it('refuses an invalid reason or number of people before asking the ledger', async () => {
    const answer = await create(exhibition('Raison vide', 23, { sharedSpaceId: KITCHEN, expectedAttendees: 0, spaceRulesOverride: { reason: '   ' } }));
    expect(answer.userErrors.map((e: { code: string; field: string[] }) => [e.code, e.field.join('.')])).toEqual([
      ['INVALID_INPUT', 'input.vernissage.expectedAttendees'],
      ['INVALID_INPUT', 'input.vernissage.spaceRulesOverride.reason'],
    ]);
    expect(await titled('Raison vide')).toBe(0);
    expect(tenants.calls).toEqual([]);
  });

  it('the reconciler re-holds an overridden vernissage with its override, and leaves a hold made before the rules alone', async () => {
    const round = () => graph.services.vernissageHolds.reconciler.round(silent);
    expect(await round()).toMatchObject({ released: [], refused: [] });
    const created = await create(
      exhibition('Neige et braises', JANUARY + 3, { sharedSpaceId: TERRACE, spaceRulesOverride: { reason: 'Braseros sur la terrasse' } }),
    );
    const reference = (await stored(created.exhibition.id)).hold_reference as string;
    tenants.state.release(reference);
    expect(await round()).toMatchObject({ fixed: 1, released: [], refused: [] });
    const renewed = (await stored(created.exhibition.id)).hold_reference as string;
    expect(tenants.holds.get(renewed)).toMatchObject({ overrideReason: 'Braseros sur la terrasse' });
    // A vernissage on the terrace in January held before holds kept the season: never re-checked, never released.
    const old = await create(exhibition('Ancien hiver', JANUARY + 4, { sharedSpaceId: TERRACE, spaceRulesOverride: { reason: 'Provisoire' } }));
    await graph.ds.query('UPDATE exhibition SET vernissage_override_reason = NULL WHERE id = $1', [old.exhibition.id]);
    const oldReference = (await stored(old.exhibition.id)).hold_reference as string;
    tenants.calls.length = 0;
    expect(await round()).toMatchObject({ fixed: 0, released: [], refused: [] });
    expect(tenants.holds.has(oldReference)).toBe(true);
    expect(tenants.calls.map((c) => c.operation)).toEqual(['liveSpaceHolds']);
  });
});
