import { tenantsModule } from '@maison/tenants';
import { admin, asTenant, KITCHEN, startTestSubgraph, withClient } from '@maison/testing';
import { galleryModule } from './module';
import { at, data, day, type GalleryGraph } from './test-support/fixtures';

/**
 * The contract with the real ledger: the gallery and the tenants subgraph in one process, over HTTP
 * with signed calls. A vernissage in the kitchen occupies it exactly as any booking: nobody can book
 * over it, and it cannot be set over a booking.
 */
const startTenants = () => startTestSubgraph(tenantsModule, { listen: true });
let gallery: GalleryGraph;
let tenants: Awaited<ReturnType<typeof startTenants>>;
beforeAll(async () => {
  tenants = await startTenants();
  gallery = await startTestSubgraph(galleryModule, { seed: false, env: { TENANTS_URL: tenants.url! } });
});
afterAll(async () => {
  await gallery?.close();
  await tenants?.close();
});

const CREATE = `mutation($input: CreateExhibitionInput!) { createExhibition(input: $input) { exhibition { id } userErrors { code field } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateExhibitionInput!) { updateExhibition(id: $id, input: $input) { exhibition { id } userErrors { code field } } }`;
const CANCEL = `mutation($id: ID!) { cancelExhibition(id: $id) { cancelledExhibitionId userErrors { code } } }`;
const BOOK = `mutation($input: BookSharedSpaceInput!) { bookSharedSpace(input: $input) { booking { id } userErrors { code } } }`;

const kitchenEvening = (n: number, from: string, to: string) => ({ startsAt: at(n, from), endsAt: at(n, to), sharedSpaceId: KITCHEN });
const bookKitchen = async (n: number, from: string, to: string) => {
  const { body } = await tenants.execute(
    BOOK,
    { input: { spaceId: KITCHEN, startsAt: at(n, from), endsAt: at(n, to), title: 'Repas' } },
    { identity: asTenant('graphisme') },
  );
  return body.data!.bookSharedSpace as { booking: { id: string } | null; userErrors: { code: string }[] };
};
const holdRow = (id: string) =>
  withClient(
    tenants.databaseUrl,
    async (c) =>
      (
        await c.query(
          `SELECT kind, status, starts_at AS "startsAt", ends_at AS "endsAt", title FROM space_booking WHERE hold_reference LIKE $1 ORDER BY created_at`,
          [`vernissage:${id}-%`],
        )
      ).rows,
  );

describe('a vernissage in the kitchen, held in the real ledger', () => {
  it('holds the kitchen; nobody books over it, and its cleaning buffer is kept', async () => {
    const created = (
      await data(
        gallery,
        CREATE,
        { input: { title: { fr: 'Tables de fête' }, startsOn: day(20), endsOn: day(40), vernissage: kitchenEvening(20, '17:00', '19:00') } },
        admin,
      )
    ).createExhibition;
    expect(created.userErrors).toEqual([]);
    expect(await holdRow(created.exhibition.id)).toEqual([
      { kind: 'EVENT', status: 'CONFIRMED', startsAt: at(20, '17:00'), endsAt: at(20, '19:00'), title: 'Vernissage : Tables de fête' },
    ]);
    expect((await bookKitchen(20, '18:00', '19:00')).userErrors).toEqual([{ code: 'SLOT_UNAVAILABLE' }]);
    expect((await bookKitchen(20, '19:00', '19:30')).userErrors).toEqual([{ code: 'SLOT_UNAVAILABLE' }]);
    expect((await bookKitchen(20, '19:30', '20:00')).userErrors).toEqual([]);
  });

  it('cannot be set over a booking: SLOT_UNAVAILABLE, and nothing saved on either side', async () => {
    expect((await bookKitchen(21, '17:00', '18:00')).userErrors).toEqual([]);
    const refused = (
      await data(
        gallery,
        CREATE,
        { input: { title: { fr: 'Trop tard' }, startsOn: day(21), endsOn: day(40), vernissage: kitchenEvening(21, '17:30', '19:30') } },
        admin,
      )
    ).createExhibition;
    expect(refused).toEqual({ exhibition: null, userErrors: [{ code: 'SLOT_UNAVAILABLE', field: ['input', 'vernissage', 'startsAt'] }] });
    expect((await gallery.ds.query(`SELECT count(*)::int AS n FROM exhibition WHERE slug = 'trop-tard'`))[0].n).toBe(0);
  });

  it('moves the hold with the vernissage, refuses a move over a booking, and releases it when cancelled', async () => {
    const { exhibition } = (
      await data(
        gallery,
        CREATE,
        { input: { title: { fr: 'Qui déménage' }, startsOn: day(25), endsOn: day(40), vernissage: kitchenEvening(25, '17:00', '19:00') } },
        admin,
      )
    ).createExhibition;
    expect(
      (await data(gallery, UPDATE, { id: exhibition.id, input: { vernissage: kitchenEvening(26, '18:00', '20:00') } }, admin)).updateExhibition.userErrors,
    ).toEqual([]);
    expect(await holdRow(exhibition.id)).toEqual([expect.objectContaining({ status: 'CONFIRMED', startsAt: at(26, '18:00'), endsAt: at(26, '20:00') })]);

    expect((await bookKitchen(27, '17:00', '18:00')).userErrors).toEqual([]);
    expect(
      (await data(gallery, UPDATE, { id: exhibition.id, input: { vernissage: kitchenEvening(27, '17:00', '19:00') } }, admin)).updateExhibition.userErrors,
    ).toEqual([{ code: 'SLOT_UNAVAILABLE', field: ['input', 'vernissage', 'startsAt'] }]);
    expect(await holdRow(exhibition.id)).toEqual([expect.objectContaining({ status: 'CONFIRMED', startsAt: at(26, '18:00') })]);

    expect((await data(gallery, CANCEL, { id: exhibition.id }, admin)).cancelExhibition).toEqual({ cancelledExhibitionId: exhibition.id, userErrors: [] });
    expect(await holdRow(exhibition.id)).toEqual([expect.objectContaining({ status: 'CANCELLED' })]);
    expect((await bookKitchen(26, '18:00', '20:00')).userErrors).toEqual([]);
  });
});
