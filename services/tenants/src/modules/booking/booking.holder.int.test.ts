import { randomUUID } from 'node:crypto';
import type { Identity } from '@maison/auth';
import { admin, useTestSubgraph, withClient } from '@maison/testing';
import { tenantsModule } from '../../module';
import { createSpace, createTenant, futureHour, minutes, tenantIdentity } from '../../test-fixtures';

/**
 * Identity that matches the ledger (issue 12, promise 6): a token, or an ADMIN's holderId, naming no
 * tenant or an archived one books nothing, answering UNKNOWN_HOLDER; the lookup uses the request's
 * DataLoader of tenants, so a series of bookings reads the tenant once.
 */
const graph = useTestSubgraph(tenantsModule, { seed: false });

const BOOK = `mutation($input: BookSharedSpaceInput!) { bookSharedSpace(input: $input) { booking { id holder { kind } } userErrors { code message field } } }`;
const SERIES = `mutation($input: BookSharedSpaceSeriesInput!) {
  bookSharedSpaceSeries(input: $input) { seriesId userErrors { code field } occurrences { booking { id } userErrors { code } } } }`;
const RESCHEDULE = `mutation($id: ID!, $s: DateTime!, $e: DateTime!) {
  rescheduleSpaceBooking(id: $id, startsAt: $s, endsAt: $e) { booking { id startsAt } userErrors { code message field } } }`;

const run = async (query: string, variables: Record<string, unknown>, identity: Identity, lang: 'fr' | 'en' = 'fr') => {
  const { body } = await graph.execute(query, variables, { identity, lang });
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
};
const slot = (spaceId: string, day: number, extra: Record<string, unknown> = {}) => ({
  spaceId,
  startsAt: futureHour(day, 10),
  endsAt: futureHour(day, 11),
  title: 'Réunion',
  ...extra,
});
const rowsOf = async (spaceId: string) => (await graph.ds.query('SELECT count(*)::int AS n FROM space_booking WHERE space_id = $1', [spaceId]))[0].n;
const ghost = () => tenantIdentity(randomUUID());

describe('booking as a tenant that is not in the ledger', () => {
  it('answers UNKNOWN_HOLDER to a token naming no tenant, in French and in English, and writes nothing', async () => {
    const spaceId = await createSpace(graph.ds);
    expect((await run(BOOK, { input: slot(spaceId, 3) }, ghost())).bookSharedSpace).toEqual({
      booking: null,
      userErrors: [{ code: 'UNKNOWN_HOLDER', message: 'Le locataire, le membre ou l’artiste nommé par votre jeton n’existe pas ou est archivé.', field: null }],
    });
    expect((await run(BOOK, { input: slot(spaceId, 3) }, ghost(), 'en')).bookSharedSpace.userErrors[0].message).toBe(
      'The tenant, member or artist named by your token does not exist or is archived.',
    );
    expect(await rowsOf(spaceId)).toBe(0);
  });

  it('answers UNKNOWN_HOLDER to a token naming an archived tenant, while an active one books', async () => {
    const spaceId = await createSpace(graph.ds);
    const active = tenantIdentity(await createTenant(graph.ds));
    const archived = tenantIdentity(await createTenant(graph.ds, { archived: true }));
    expect((await run(BOOK, { input: slot(spaceId, 3) }, archived)).bookSharedSpace.userErrors.map((e: { code: string }) => e.code)).toEqual([
      'UNKNOWN_HOLDER',
    ]);
    expect((await run(BOOK, { input: slot(spaceId, 3) }, active)).bookSharedSpace).toEqual({
      booking: { id: expect.any(String), holder: { kind: 'TENANT' } },
      userErrors: [],
    });
  });

  it('answers UNKNOWN_HOLDER at input.holderId when ADMIN books for an unknown or archived tenant', async () => {
    const spaceId = await createSpace(graph.ds);
    const archived = await createTenant(graph.ds, { archived: true });
    for (const holderId of [randomUUID(), archived]) {
      const payload = (await run(BOOK, { input: slot(spaceId, 4, { holderKind: 'TENANT', holderId }) }, admin)).bookSharedSpace;
      expect([holderId, payload.userErrors.map((e: { code: string; field: string[] }) => [e.code, e.field])]).toEqual([
        holderId,
        [['UNKNOWN_HOLDER', ['input', 'holderId']]],
      ]);
    }
    // A malformed id is refused before anyone is looked up, by the input rules of the ledger.
    const malformed = (await run(BOOK, { input: slot(spaceId, 4, { holderKind: 'TENANT', holderId: 'pas-un-uuid' }) }, admin)).bookSharedSpace;
    expect(malformed.userErrors.map((e: { code: string; field: string[] }) => [e.code, e.field])).toEqual([['INVALID_INPUT', ['input', 'holderId']]]);
    const active = await createTenant(graph.ds);
    expect((await run(BOOK, { input: slot(spaceId, 4, { holderKind: 'TENANT', holderId: active.toUpperCase() }) }, admin)).bookSharedSpace.userErrors).toEqual(
      [],
    );
  });

  it('refuses a whole series with UNKNOWN_HOLDER, and books one for a tenant reading the tenant once', async () => {
    const spaceId = await createSpace(graph.ds);
    const series = (identity: Identity) => run(SERIES, { input: { ...slot(spaceId, 5), occurrences: 4 } }, identity);
    expect((await series(ghost())).bookSharedSpaceSeries).toEqual({ seriesId: null, userErrors: [{ code: 'UNKNOWN_HOLDER', field: null }], occurrences: [] });

    const tenant = tenantIdentity(await createTenant(graph.ds));
    graph.counter.captured = [];
    let captured: { query: string }[];
    let result;
    try {
      result = (await series(tenant)).bookSharedSpaceSeries;
    } finally {
      captured = graph.counter.captured ?? [];
      graph.counter.captured = null;
    }
    expect(result.occurrences.map((o: { booking: unknown }) => o.booking !== null)).toEqual([true, true, true, true]);
    // One read of the tenant through the DataLoader for the whole series; each booking's one statement
    // (fastBookedSql) locks the row and takes its name there, so no statement is added for it.
    expect(captured.filter((c) => /FROM "tenant"/.test(c.query))).toHaveLength(1);
    expect(
      captured.filter((c) => /JOIN tenant t ON t\.id = \$4::uuid AND t\.archived_at IS NULL\s+WHERE \$3::holder_kind = 'TENANT' FOR SHARE OF t/.test(c.query)),
    ).toHaveLength(4);
    expect(captured.filter((c) => /FROM tenant WHERE id = \$1 FOR SHARE/.test(c.query))).toHaveLength(0);
  });

  it('answers UNKNOWN_HOLDER to a reschedule by a token naming no tenant (never NOT_FOUND), and for a booking of an archived tenant', async () => {
    const spaceId = await createSpace(graph.ds);
    const tenantId = await createTenant(graph.ds);
    const holder = tenantIdentity(tenantId);
    const { id } = (await run(BOOK, { input: slot(spaceId, 6) }, holder)).bookSharedSpace.booking;
    const move = (identity: Identity, bookingId = id, lang: 'fr' | 'en' = 'fr') =>
      run(RESCHEDULE, { id: bookingId, s: futureHour(7, 10), e: minutes(futureHour(7, 10), 60) }, identity, lang);

    expect((await move(ghost(), id, 'en')).rescheduleSpaceBooking).toEqual({
      booking: null,
      userErrors: [{ code: 'UNKNOWN_HOLDER', message: 'The tenant, member or artist named by your token does not exist or is archived.', field: ['id'] }],
    });
    expect((await move(ghost(), randomUUID())).rescheduleSpaceBooking.userErrors.map((e: { code: string }) => e.code)).toEqual(['UNKNOWN_HOLDER']);
    // Another tenant that exists still learns nothing of a booking that is not theirs.
    const other = tenantIdentity(await createTenant(graph.ds));
    expect((await move(other)).rescheduleSpaceBooking.userErrors.map((e: { code: string }) => e.code)).toEqual(['NOT_FOUND']);

    // The tenant archived without going through archiveTenant (which would have cancelled the booking): it still does not move.
    await graph.ds.query('UPDATE tenant SET archived_at = now() WHERE id = $1', [tenantId]);
    for (const identity of [holder, admin]) {
      expect((await move(identity)).rescheduleSpaceBooking.userErrors.map((e: { code: string }) => e.code)).toEqual(['UNKNOWN_HOLDER']);
    }
    const [row] = await graph.ds.query('SELECT starts_at FROM space_booking WHERE id = $1', [id]);
    expect(row.starts_at.toISOString()).toBe(futureHour(6, 10).toISOString());
  });

  it('refuses a booking whose tenant is archived while it waits for the tenant’s row, which the archive locks', async () => {
    const spaceId = await createSpace(graph.ds);
    const tenantId = await createTenant(graph.ds);
    await withClient(graph.databaseUrl, async (archive) => {
      await archive.query('BEGIN');
      await archive.query('SELECT 1 FROM tenant WHERE id = $1 FOR UPDATE', [tenantId]);
      await archive.query('UPDATE tenant SET archived_at = now() WHERE id = $1', [tenantId]);
      // The DataLoader still sees the tenant active (the archive is not committed); the booking then waits for the row.
      const booking = run(BOOK, { input: slot(spaceId, 8) }, tenantIdentity(tenantId));
      await new Promise((r) => setTimeout(r, 300));
      await archive.query('COMMIT');
      expect((await booking).bookSharedSpace.userErrors.map((e: { code: string }) => e.code)).toEqual(['UNKNOWN_HOLDER']);
    });
    expect(await rowsOf(spaceId)).toBe(0);
  });
});
