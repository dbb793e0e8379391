import type { Identity } from '@maison/auth';
import { todayInHouse } from '@maison/house';
import { data, type GalleryGraph } from './fixtures';

/** The operations and helpers of the artwork records tests (artwork-records, artwork-retire), for the graph and artist `get` gives. */
export function artworkRecords(get: () => { graph: GalleryGraph; artist: Identity }) {
  const WORK =
    'artwork { id slug title year medium dimensions availability price { amountCents } priceOnRequest priceLabel imageUrl imageAlt retiredAt artist { id } displayedIn { id } }';
  const ERRORS = 'userErrors { code message field }';
  const CREATE = `mutation($input: CreateArtworkInput!) { createArtwork(input: $input) { ${WORK} ${ERRORS} } }`;
  const UPDATE = `mutation($id: ID!, $input: UpdateArtworkInput!) { updateArtwork(id: $id, input: $input) { ${WORK} ${ERRORS} } }`;
  const RETIRE = `mutation($id: ID!) { retireArtwork(id: $id) { ${WORK} ${ERRORS} } }`;
  const thisYear = Number(todayInHouse().slice(0, 4));
  const basic = { title: { fr: 'Battures', en: 'Mudflats' }, year: 2024, medium: { fr: 'Huile sur toile', en: 'Oil on canvas' }, dimensions: '61 × 76 cm' };

  const create = (input: Record<string, unknown>, identity: Identity = get().artist, lang: 'fr' | 'en' = 'fr') =>
    data(get().graph, CREATE, { input }, identity, lang).then((d) => d.createArtwork);
  const update = (id: string, input: Record<string, unknown>, identity: Identity = get().artist, lang: 'fr' | 'en' = 'fr') =>
    data(get().graph, UPDATE, { id, input }, identity, lang).then((d) => d.updateArtwork);
  const retire = (id: string, identity: Identity = get().artist, lang: 'fr' | 'en' = 'fr') =>
    data(get().graph, RETIRE, { id }, identity, lang).then((d) => d.retireArtwork);
  const fields = (answer: { userErrors: { field: string[] }[] }) => answer.userErrors.map((e) => e.field.join('.'));
  const codes = (body: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => body.errors?.map((e) => e.extensions?.code);
  const stored = async (id: string) =>
    (
      await get().graph.ds.query(
        'SELECT availability, price_cents AS "priceCents", retired_at IS NOT NULL AS retired, displayed_in_space_id AS "spaceId" FROM artwork WHERE id = $1',
        [id],
      )
    )[0];
  const artworkCount = async () => (await get().graph.ds.query('SELECT count(*)::int AS n FROM artwork'))[0].n as number;
  const newWork = async (input: Record<string, unknown> = {}) => {
    const made = await create({ ...basic, ...input });
    expect(made.userErrors).toEqual([]);
    return made.artwork.id as string;
  };

  return { WORK, CREATE, UPDATE, RETIRE, thisYear, basic, create, update, retire, fields, codes, stored, artworkCount, newWork };
}
