import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import { databaseUnavailableReason } from '@maison/kit';
import { reasonMessage } from '@maison/errors';
import { admin, startTestSubgraph, useTestSubgraph, withClient, withRoles } from '@maison/testing';
import { tenantsModule } from './module';
import { createSpace, futureHour, tenantIdentity } from './test-fixtures';

/**
 * The database lost in the middle of a write, on real PostgreSQL: archiveTenant has already
 * archived the tenant and ended its office when its connection is terminated (pg_terminate_backend,
 * SQLSTATE 57P01, what a server shutdown sends). The caller reads DATABASE_UNAVAILABLE, not the
 * driver's words, and the transaction changed nothing.
 */
const graph = useTestSubgraph(tenantsModule, { seed: false });

const CREATE = `mutation($input: CreateTenantInput!) { createTenant(input: $input) { tenant { id } userErrors { code } } }`;
const ASSIGN = `mutation($input: AssignOfficeInput!) { assignOffice(input: $input) { office { id } userErrors { code } } }`;
const BOOK = `mutation($input: BookSharedSpaceInput!) { bookSharedSpace(input: $input) { booking { id } userErrors { code } } }`;
const ARCHIVE = `mutation($id: ID!) { archiveTenant(id: $id) { tenant { archivedAt } cancelledBookings { id status } endedOffices { id } userErrors { code } } }`;

/** The backend of the subgraph's pool that waits on a lock, once it does (at most 10 s). */
async function waitingBackend(url: string): Promise<number> {
  return withClient(url, async (client) => {
    for (let i = 0; i < 100; i += 1) {
      const { rows } = await client.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'la-maison-tenants' AND wait_event_type = 'Lock'`,
      );
      if (rows[0]) return rows[0].pid;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('no backend of the subgraph waits on a lock');
  });
}

it('answers DATABASE_UNAVAILABLE (CONNECTION_LOST) when the connection is cut mid-transaction, and the write changed nothing', async () => {
  const slug = `coupure-${randomUUID().slice(0, 8)}`;
  const tenantId: string = (await graph.execute(CREATE, { input: { slug, name: { fr: 'Coupure' }, kind: 'PROFESSIONAL' } }, { identity: admin })).body.data!
    .createTenant.tenant.id;
  const officeId: string = (
    await graph.execute(ASSIGN, { input: { tenantId, name: { fr: 'Bureau' }, building: 'ANNEX', floor: 1, areaM2: 12 } }, { identity: admin })
  ).body.data!.assignOffice.office.id;
  const spaceId = await createSpace(graph.ds);
  const input = { spaceId, startsAt: futureHour(4, 10), endsAt: futureHour(4, 11), title: 'Atelier' };
  const bookingId: string = (await graph.execute(BOOK, { input }, { identity: tenantIdentity(tenantId) })).body.data!.bookSharedSpace.booking.id;

  // Another session holds the booking: archiveTenant updates the tenant and its office, then waits
  // for that row inside its transaction, where its connection is cut.
  const answer = await withClient(graph.databaseUrl, async (blocker) => {
    await blocker.query('BEGIN');
    await blocker.query('SELECT 1 FROM space_booking WHERE id = $1 FOR UPDATE', [bookingId]);
    const archiving = graph.execute(ARCHIVE, { id: tenantId }, { identity: admin, lang: 'en' });
    const pid = await waitingBackend(graph.databaseUrl);
    // It has written already: PostgreSQL gives a transaction an id at its first write.
    expect((await blocker.query('SELECT backend_xid FROM pg_stat_activity WHERE pid = $1', [pid])).rows[0].backend_xid).not.toBeNull();
    await blocker.query('SELECT pg_terminate_backend($1)', [pid]);
    const body = (await archiving).body;
    await blocker.query('COMMIT');
    return body;
  });

  expect(answer).toEqual({
    data: null,
    errors: [
      {
        message: reasonMessage('DATABASE_UNAVAILABLE', 'CONNECTION_LOST', 'en', { subgraph: 'tenants' }),
        locations: expect.any(Array),
        path: ['archiveTenant'],
        extensions: { code: 'DATABASE_UNAVAILABLE', subgraph: 'tenants', reason: 'CONNECTION_LOST' },
      },
    ],
  });
  expect(answer.errors![0]!.message).toBe(
    'The connection of the tenants service to its database was lost during the request; its data is missing from this response. Try again in a moment.',
  );
  expect(JSON.stringify(answer)).not.toMatch(/terminating connection|administrator command|57P01/);

  // Rolled back: the tenant is not archived, its office not ended, its booking still confirmed.
  const state = await withClient(graph.databaseUrl, async (c) => ({
    archivedAt: (await c.query('SELECT archived_at FROM tenant WHERE id = $1', [tenantId])).rows[0].archived_at,
    officeEndsOn: (await c.query('SELECT ends_on FROM office WHERE id = $1', [officeId])).rows[0].ends_on,
    bookingStatus: (await c.query('SELECT status FROM space_booking WHERE id = $1', [bookingId])).rows[0].status,
  }));
  expect(state).toEqual({ archivedAt: null, officeEndsOn: null, bookingStatus: 'CONFIRMED' });

  // The pool drops the cut connection: the same write goes through on the next try.
  const again = (await graph.execute(ARCHIVE, { id: tenantId }, { identity: admin })).body;
  expect(again.errors).toBeUndefined();
  expect(again.data!.archiveTenant).toEqual({
    tenant: { archivedAt: expect.any(String) },
    cancelledBookings: [{ id: bookingId, status: 'CANCELLED' }],
    endedOffices: [{ id: officeId }],
    userErrors: [],
  });
});

it('answers the same in production, in French, where every other error is masked', async () => {
  const production = await startTestSubgraph(tenantsModule, {
    seed: false,
    env: { NODE_ENV: 'production', GATEWAY_SIGNING_SECRET: 'outage-test-signing-secret-0123456789abcdef' },
  });
  try {
    const answer = await withClient(production.databaseUrl, async (blocker) => {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE tenant IN ACCESS EXCLUSIVE MODE');
      const reading = production.execute('{ tenants { slug } }', {}, { identity: admin });
      await blocker.query('SELECT pg_terminate_backend($1)', [await waitingBackend(production.databaseUrl)]);
      const body = (await reading).body;
      await blocker.query('COMMIT');
      return body;
    });
    expect(answer).toEqual({
      data: null,
      errors: [
        {
          message:
            'La connexion du service « tenants » à sa base de données a été coupée pendant la requête ; ses données manquent dans cette réponse. Réessayez dans un instant.',
          locations: expect.any(Array),
          path: ['tenants'],
          extensions: { code: 'DATABASE_UNAVAILABLE', subgraph: 'tenants', reason: 'CONNECTION_LOST' },
        },
      ],
    });
  } finally {
    await production.close();
  }
});

it('answers the DATABASE_UNAVAILABLE of the coworking subgraph it asked about a member as that one, and books nothing', async () => {
  // The coworking subgraph as it answers with its database down (what its formatError writes).
  const coworking = createServer((req, res) => {
    req.resume().on('end', () => {
      const down = { code: 'DATABASE_UNAVAILABLE', subgraph: 'coworking', reason: 'CONNECTION_REFUSED' };
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ data: null, errors: [{ message: 'indisponible', path: ['_entities'], extensions: down }] }));
    });
  });
  await new Promise<void>((resolve) => coworking.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(coworking.address() as AddressInfo).port}/graphql`;
  const tenants = await startTestSubgraph(tenantsModule, { seed: false, env: { COWORKING_URL: url } });
  try {
    const spaceId = await createSpace(tenants.ds);
    const member = withRoles(`member:${randomUUID()}`, ['MEMBER'], { memberId: randomUUID() });
    const input = { spaceId, startsAt: futureHour(5, 10), endsAt: futureHour(5, 11), title: 'Réunion' };
    const { body } = await tenants.execute(BOOK, { input }, { identity: member });
    expect(body).toEqual({
      data: null,
      errors: [
        {
          message: 'La base de données du service « coworking » est indisponible ; ses données manquent dans cette réponse. Réessayez dans un instant.',
          locations: expect.any(Array),
          path: ['bookSharedSpace'],
          extensions: { code: 'DATABASE_UNAVAILABLE', subgraph: 'coworking', reason: 'CONNECTION_REFUSED' },
        },
      ],
    });
    expect((await tenants.ds.query('SELECT count(*)::int AS n FROM space_booking WHERE space_id = $1', [spaceId]))[0].n).toBe(0);
  } finally {
    await tenants.close();
    coworking.close();
  }
});

it('reads a real pool acquire timeout as TIMEOUT', async () => {
  const pool = new Pool({ connectionString: graph.databaseUrl, max: 1, connectionTimeoutMillis: 200 });
  const held = await pool.connect();
  try {
    const timedOut = await pool.connect().catch((e: unknown) => e);
    expect(timedOut).toBeInstanceOf(Error);
    expect(databaseUnavailableReason(timedOut)).toBe('TIMEOUT');
  } finally {
    held.release();
    await pool.end();
  }
});
