import { QueryFailedError } from 'typeorm';
import { entityRows, pgCode, preparedRows } from '@maison/kit';
import { startTestSubgraph } from '@maison/testing';
import { galleryModule } from './module';
import { Artist } from './modules/artist/artist.entity';
import { Artwork } from './modules/artwork/artwork.entity';
import { Exhibition } from './modules/exhibition/exhibition.entity';
import type { GalleryLoaders, GalleryServices } from './services';

let graph: Awaited<ReturnType<typeof startTestSubgraph<GalleryServices, GalleryLoaders>>>;

beforeAll(async () => {
  graph = await startTestSubgraph(galleryModule, { seed: true });
  // Every kind of value: a retired work (timestamptz), a work without price, a non-public artist with no bio.
  await graph.ds.query(
    `UPDATE artwork SET retired_at = '2026-03-04T05:06:07.089Z' WHERE slug = (SELECT min(slug) FROM artwork WHERE displayed_in_space_id IS NULL)`,
  );
  await graph.ds.query(`UPDATE artwork SET price_cents = NULL WHERE slug = (SELECT max(slug) FROM artwork)`);
  await graph.ds.query(`UPDATE artist SET is_public = false, bio = NULL WHERE slug = (SELECT min(slug) FROM artist)`);
});
afterAll(async () => {
  await graph?.close();
});

describe('entityRows (the hot read paths of hand-written SQL)', () => {
  it.each([
    ['artist', Artist],
    ['artwork', Artwork],
    ['exhibition', Exhibition],
  ] as const)('reads every %s as the TypeORM repository does: same class, same properties, same values', async (table, entity) => {
    const rows = entityRows(graph.ds, entity as new () => object);
    const raw: Record<string, unknown>[] = await graph.ds.query(`SELECT ${rows.select('t', 'x.')} FROM ${table} t ORDER BY t.id`);
    const typeorm = await graph.ds.getRepository(entity).find({ order: { id: 'ASC' } });
    expect(typeorm.length).toBeGreaterThan(2);
    const ours = raw.map((row) => rows.from(row, 'x.'));
    expect(ours).toStrictEqual(typeorm);
    expect(ours.every((e) => e instanceof entity)).toBe(true);
  });

  it('answers null for a row whose columns are all NULL (the other branch of a UNION ALL)', async () => {
    const rows = entityRows(graph.ds, Artwork);
    const [row] = await graph.ds.query(`SELECT ${rows.nulls('w.')}`);
    expect(rows.from(row, 'w.')).toBeNull();
  });

  it('runs a prepared statement as TypeORM runs a query: counted, and a failure logged and thrown as a QueryFailedError that keeps the SQLSTATE', async () => {
    const text = 'SELECT slug FROM artist WHERE id = ANY($1::uuid[]) ORDER BY slug';
    const [first] = await graph.ds.query('SELECT id, slug FROM artist ORDER BY slug LIMIT 1');
    // Twice on the same name: the second time on a connection that has it prepared, or on another one.
    for (let i = 0; i < 2; i += 1) {
      const { result, statements } = await graph.counter.measure(() => preparedRows(graph.ds, 'test_artist_slugs', text, [[first.id]]));
      expect({ result, statements }).toEqual({ result: [{ slug: first.slug }], statements: 1 });
    }
    const logged = jest.spyOn(graph.ds.logger, 'logQueryError');
    const failure = await preparedRows(graph.ds, 'test_artist_slugs', text, [['pas-un-uuid']]).catch((e: unknown) => e);
    const calls = logged.mock.calls.map(([error, query, values]) => [pgCode(error), query, values]);
    logged.mockRestore();
    expect(failure).toBeInstanceOf(QueryFailedError);
    expect(pgCode(failure)).toBe('22P02');
    // Handed to the DataSource's logger as TypeORM hands a failed query: the driver's error, the text, the values.
    expect(calls).toEqual([['22P02', text, [['pas-un-uuid']]]]);
  });
});
