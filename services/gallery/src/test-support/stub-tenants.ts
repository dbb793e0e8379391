import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { verifyRequest, type Identity } from '@maison/auth';
import { DEV_SIGNING_SECRET } from '@maison/config';
import { stableId } from '@maison/house';

/**
 * Test-only: the tenants subgraph's hold API played by a small HTTP peer. It checks the gallery's
 * signature like the real subgraph does, keeps holds in memory with the ledger's rules (idempotent
 * per reference, half-open no-overlap with other bookings and holds), and can be told to fail.
 */
export type HoldOperation = 'holdSharedSpace' | 'moveSpaceHold' | 'releaseSpaceHold';

export interface StubCall {
  operation: HoldOperation;
  variables: Record<string, any>;
  identity: Identity;
}

export interface StubHold {
  id: string;
  reference: string;
  spaceId: string;
  startsAt: string;
  endsAt: string;
  title: string;
}

export interface StubTenants {
  url: string;
  calls: StubCall[];
  /** Live holds by reference. */
  holds: Map<string, StubHold>;
  /** Other bookings of the ledger (not holds): a hold may not overlap them. */
  bookings: { spaceId: string; startsAt: Date; endsAt: Date }[];
  /** Answers the next n calls with this HTTP status (500 by default) and no GraphQL payload. */
  failNext(n: number, status?: number): void;
  reset(): void;
  close(): Promise<void>;
}

export const KITCHEN = stableId('shared-space', 'cuisine');
export const TERRACE = stableId('shared-space', 'terrasse');
const SPACES = new Set([KITCHEN, TERRACE]);
const OPERATIONS: HoldOperation[] = ['holdSharedSpace', 'moveSpaceHold', 'releaseSpaceHold'];

export async function startStubTenants(): Promise<StubTenants> {
  const calls: StubCall[] = [];
  const holds = new Map<string, StubHold>();
  const bookings: StubTenants['bookings'] = [];
  let failures: { left: number; status: number } = { left: 0, status: 500 };

  const overlaps = (spaceId: string, startsAt: Date, endsAt: Date, except?: string) =>
    bookings.some((b) => b.spaceId === spaceId && b.startsAt < endsAt && b.endsAt > startsAt) ||
    [...holds.values()].some((h) => h.reference !== except && h.spaceId === spaceId && new Date(h.startsAt) < endsAt && new Date(h.endsAt) > startsAt);

  const answer = (booking: StubHold | null, errors: { code: string; field: string[] }[] = []) => ({
    booking: booking && { id: booking.id, startsAt: booking.startsAt, endsAt: booking.endsAt },
    userErrors: errors.map((e) => ({ ...e, message: e.code })),
  });

  function handle(operation: HoldOperation, v: Record<string, any>) {
    const request = operation === 'holdSharedSpace' ? v.input : v;
    if (operation === 'releaseSpaceHold') {
      const hold = holds.get(v.reference) ?? null;
      holds.delete(v.reference);
      return answer(hold);
    }
    const startsAt = new Date(request.startsAt);
    const endsAt = new Date(request.endsAt);
    const existing = holds.get(request.reference);
    if (operation === 'holdSharedSpace' && existing) return answer(existing);
    if (operation === 'moveSpaceHold' && !existing) return answer(null, [{ code: 'NOT_FOUND', field: ['reference'] }]);
    if (!SPACES.has(request.spaceId)) return answer(null, [{ code: 'NOT_FOUND', field: ['input', 'spaceId'] }]);
    if (overlaps(request.spaceId, startsAt, endsAt, request.reference)) return answer(null, [{ code: 'SLOT_UNAVAILABLE', field: ['input', 'startsAt'] }]);
    const hold: StubHold = {
      id: existing?.id ?? randomUUID(),
      reference: request.reference,
      spaceId: request.spaceId,
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      title: request.title,
    };
    holds.set(request.reference, hold);
    return answer(hold);
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      res.setHeader('content-type', 'application/json');
      let identity: Identity;
      try {
        identity = verifyRequest(DEV_SIGNING_SECRET, req.headers, body, 60).identity;
      } catch {
        res.statusCode = 401;
        return res.end(JSON.stringify({ errors: [{ message: 'unsigned', extensions: { code: 'UNAUTHENTICATED' } }] }));
      }
      const { query, variables } = JSON.parse(body.toString()) as { query: string; variables: Record<string, any> };
      const operation = OPERATIONS.find((op) => query.includes(`${op}(`))!;
      calls.push({ operation, variables, identity });
      if (failures.left > 0) {
        failures.left -= 1;
        res.statusCode = failures.status;
        return res.end('{"errors":[{"message":"stub failure"}]}');
      }
      res.end(JSON.stringify({ data: { [operation]: handle(operation, variables) } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    calls,
    holds,
    bookings,
    failNext(n, status = 500) {
      failures = { left: n, status };
    },
    reset() {
      calls.length = 0;
      holds.clear();
      bookings.length = 0;
      failures = { left: 0, status: 500 };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
