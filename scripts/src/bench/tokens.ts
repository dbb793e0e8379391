import { issueToken, type Identity } from '@maison/auth';
import { DEV_JWT_SECRET } from '@maison/config';
import { stableId } from '@maison/house';

/**
 * The callers of the benchmarks: 500 tenants who read, 50 administrators who book. Request n of a
 * run is sent with the n-th token (modulo), so no two neighbouring requests share an Authorization
 * header and nothing can be deduplicated on it.
 */
const settings = { secret: DEV_JWT_SECRET, issuer: 'https://la-maison.example/auth', audience: 'la-maison-api' };
const READERS = 500;
const WRITERS = 50;

export const readerIdentity = (n: number): Identity => ({
  sub: `bench-reader-${n % READERS}`,
  roles: ['TENANT'],
  tenantId: stableId('tenant', `bench-${n % READERS}`),
});
export const writerIdentity = (n: number): Identity => ({ sub: `bench-admin-${n % WRITERS}`, roles: ['ADMIN'] });

const readers = Array.from({ length: READERS }, (_, i) =>
  issueToken({ sub: `bench-reader-${i}`, roles: ['TENANT'], tenantId: stableId('tenant', `bench-${i}`) }, settings, 3600),
);
const writers = Array.from({ length: WRITERS }, (_, i) => issueToken({ sub: `bench-admin-${i}`, roles: ['ADMIN'] }, settings, 3600));

/** The token of request n: a reader's for a query, an administrator's for a mutation. */
export const tokenFor = (mutation: boolean, n: number): string => (mutation ? writers[n % WRITERS]! : readers[n % READERS]!);

/** The identity request n is signed with when it goes straight to a subgraph. */
export const identityFor = (mutation: boolean, n: number): Identity => (mutation ? writerIdentity(n) : readerIdentity(n));
