import { signRequest } from '@maison/auth';
import { DEV_SIGNING_SECRET } from '@maison/config';
import { admin, startTestSubgraph, withClient } from '@maison/testing';
import { tenantsModule } from './module';
import { createSpace, createTenant, futureHour, minutes, tenantIdentity } from './test-fixtures';

/**
 * What SIGTERM does (the entry point calls close()): stop accepting, let the request in flight
 * finish, then close the database pool.
 */
describe('graceful shutdown', () => {
  it('finishes the request in flight, refuses new ones, then closes the pool', async () => {
    const graph = await startTestSubgraph(tenantsModule, { seed: false, listen: true, env: { SHUTDOWN_GRACE_MS: '10000' } });
    const spaceId = await createSpace(graph.ds);
    // Without the seed, the tenant the token names must exist to book (UNKNOWN_HOLDER otherwise).
    const tenant = tenantIdentity(await createTenant(graph.ds));
    const startsAt = futureHour(3, 10);
    const body = JSON.stringify({
      query: 'mutation($input: BookSharedSpaceInput!) { bookSharedSpace(input: $input) { booking { id } userErrors { code } } }',
      variables: { input: { spaceId, startsAt, endsAt: minutes(startsAt, 60), title: 'En vol' } },
    });
    const send = () =>
      fetch(graph.url!, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signRequest(DEV_SIGNING_SECRET, tenant, 'fr', body) },
        body,
      });

    // Another session holds the ledger, so the booking waits inside PostgreSQL: a request in flight.
    await withClient(graph.databaseUrl, async (blocker) => {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE space_booking IN ACCESS EXCLUSIVE MODE');
      const inFlight = send();
      await new Promise((r) => setTimeout(r, 300));
      const closing = graph.close();
      await new Promise((r) => setTimeout(r, 200));
      await expect(send()).rejects.toThrow();
      await blocker.query('COMMIT');
      const response = await inFlight;
      expect(response.status).toBe(200);
      expect(((await response.json()) as { data: { bookSharedSpace: { userErrors: unknown[] } } }).data.bookSharedSpace.userErrors).toEqual([]);
      await closing;
    });
    expect(graph.ds.isInitialized).toBe(false);
  });

  it('with SHUTDOWN_DRAIN_MS, first answers /ready 503 "stopping" while it still serves requests, then closes', async () => {
    const graph = await startTestSubgraph(tenantsModule, { seed: false, listen: true, env: { SHUTDOWN_DRAIN_MS: '5000' } });
    const ready = new URL('/ready', graph.url!).toString();
    const body = JSON.stringify({ query: '{ __typename }' });
    const query = () =>
      fetch(graph.url!, { method: 'POST', headers: { 'content-type': 'application/json', ...signRequest(DEV_SIGNING_SECRET, admin, 'fr', body) }, body });
    expect((await fetch(ready)).status).toBe(200);
    const closing = graph.close();
    const draining = await fetch(ready);
    expect(draining.status).toBe(503);
    expect(await draining.json()).toEqual({ status: 'stopping', service: 'tenants' });
    const answered = await query();
    expect(answered.status).toBe(200);
    expect(await answered.json()).toEqual({ data: { __typename: 'Query' } });
    expect(graph.ds.isInitialized).toBe(true);
    await closing;
    await expect(fetch(ready)).rejects.toThrow();
    expect(graph.ds.isInitialized).toBe(false);
  });
});
