import { createServer, type Server } from 'node:http';
import { parse, valueFromASTUntyped, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { HEADERS, verifyRequest, type Identity } from '@maison/auth';
import { DEV_SIGNING_SECRET, type Lang } from '@maison/config';
import { StubLedgerState, type StubHold, type StubOutcome } from './ledger-stub-rules';

export { KITCHEN, StubLedgerState, TERRACE, type StubBooking, type StubHold, type StubSpace } from './ledger-stub-rules';

/**
 * The one stub of the shared-space ledger: the tenants subgraph's hold API played by a small HTTP
 * peer, with the real resolver's rules in memory (ledger-stub-rules.ts: idempotent per reference,
 * tombstones, no overlap with bookings and holds, cleaning buffers included). It checks every
 * call's signature like the real subgraph, records who called, in which language and with which
 * request id, and can be told to fail.
 */
export type LedgerStubOperation = 'holdSharedSpace' | 'moveSpaceHold' | 'releaseSpaceHold' | 'liveSpaceHolds' | '_entities';

export interface LedgerStubCall {
  operation: LedgerStubOperation;
  /** The arguments of the call, variables resolved: `input` for a hold, the others flat. */
  args: Record<string, any>;
  identity: Identity;
  lang: Lang;
  requestId: string | null;
}

/** How a fault answers a call: an HTTP status with no GraphQL payload. */
export type StubFault = { status: number };

export interface LedgerStub {
  url: string;
  calls: LedgerStubCall[];
  /** The ledger itself: live holds, tombstones, other bookings, known spaces (with their buffers). */
  state: StubLedgerState;
  /** Live holds by reference (state.holds). */
  holds: Map<string, StubHold>;
  /** The next n calls answer this HTTP status (500 by default) and do nothing. */
  failNext(n: number, status?: number): void;
  /** Calls for which this returns a fault answer it and do nothing; `undefined` lets them through. */
  failWhen(fault: (call: LedgerStubCall) => StubFault | undefined): void;
  /** Calls for which this returns true are done, but their answer is lost: HTTP 500, as if the connection broke. */
  loseAnswerWhen(lost: (call: LedgerStubCall) => boolean): void;
  /** Forgets the calls, the holds, the tombstones, the bookings and the faults. */
  reset(): void;
  close(): Promise<void>;
}

// _entities: the SharedSpace references the gallery's placeArtwork asks about (known spaces: their id; others: null).
const OPERATIONS: LedgerStubOperation[] = ['holdSharedSpace', 'moveSpaceHold', 'releaseSpaceHold', 'liveSpaceHolds', '_entities'];

export async function startLedgerStub(): Promise<LedgerStub> {
  const state = new StubLedgerState();
  const calls: LedgerStubCall[] = [];
  let next = { left: 0, status: 500 };
  let fault: (call: LedgerStubCall) => StubFault | undefined = () => undefined;
  let lost: (call: LedgerStubCall) => boolean = () => false;

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const send = (status: number, payload: unknown) => {
        res.statusCode = status;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(payload));
      };
      let verified: { identity: Identity; lang: Lang };
      try {
        const { identity, lang } = verifyRequest(DEV_SIGNING_SECRET, req.headers, body, 60);
        verified = { identity, lang };
      } catch {
        return send(401, { errors: [{ message: 'unsigned', extensions: { code: 'UNAUTHENTICATED' } }] });
      }
      const { query, variables } = JSON.parse(body.toString()) as { query: string; variables?: Record<string, unknown> };
      const field = rootField(query);
      const operation = OPERATIONS.find((op) => op === field?.name.value);
      if (!operation || !field) return send(400, { errors: [{ message: `the stub does not play ${field?.name.value ?? 'this document'}` }] });
      const requestId = req.headers[HEADERS.requestId];
      const call: LedgerStubCall = {
        operation,
        args: argumentsOf(field, variables ?? {}),
        ...verified,
        requestId: typeof requestId === 'string' ? requestId : null,
      };
      calls.push(call);
      const failure = next.left > 0 ? ((next.left -= 1), { status: next.status }) : fault(call);
      if (failure) return send(failure.status, { errors: [{ message: 'stub failure' }] });
      if (!verified.identity.roles.includes('ADMIN'))
        return send(200, { data: null, errors: [{ message: 'Action non permise.', extensions: { code: 'FORBIDDEN' } }] });
      const data = play(state, call);
      if (lost(call)) return send(500, { errors: [{ message: 'stub failure after the work was done' }] });
      if (data === null) return send(200, { data: null, errors: [{ message: 'Argument invalide.', extensions: { code: 'BAD_USER_INPUT' } }] });
      send(200, { data: { [operation]: data } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    calls,
    state,
    holds: state.holds,
    failNext(n, status = 500) {
      next = { left: n, status };
    },
    failWhen(f) {
      fault = f;
    },
    loseAnswerWhen(l) {
      lost = l;
    },
    reset() {
      calls.length = 0;
      state.reset();
      next = { left: 0, status: 500 };
      fault = () => undefined;
      lost = () => false;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function rootField(query: string): FieldNode | undefined {
  const operation = parse(query).definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  const first = operation?.selectionSet.selections[0];
  return first?.kind === 'Field' ? first : undefined;
}

function argumentsOf(field: FieldNode, variables: Record<string, unknown>): Record<string, any> {
  return Object.fromEntries((field.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value, variables)]));
}

/** The answer of one call, in the shape of the real payloads (a superset of what clients select); null: BAD_USER_INPUT. */
function play(state: StubLedgerState, call: LedgerStubCall): unknown {
  const a = call.args;
  if (call.operation === '_entities') {
    const refs = a.representations as { __typename?: string; id?: string }[];
    return refs.map((r) => (r.__typename === 'SharedSpace' && typeof r.id === 'string' && state.spaces.has(r.id.toLowerCase()) ? { id: r.id } : null));
  }
  if (call.operation === 'liveSpaceHolds') {
    const holds = state.liveHolds(a.kind, a.endingAfter, a.after ?? null, a.first ?? 200);
    return (
      holds &&
      holds.map((h) => ({ reference: h.reference, spaceId: h.spaceId, startsAt: h.startsAt.toISOString(), endsAt: h.endsAt.toISOString(), title: h.title }))
    );
  }
  if (call.operation === 'releaseSpaceHold') return payload(state.release(a.reference));
  return payload(call.operation === 'holdSharedSpace' ? state.hold(a.input) : state.move(a as never));
}

const payload = (o: StubOutcome) => ({
  booking: o.booking && {
    id: o.booking.id,
    startsAt: o.booking.startsAt.toISOString(),
    endsAt: o.booking.endsAt.toISOString(),
    title: o.booking.title,
    kind: 'EVENT',
    space: { id: o.booking.spaceId },
  },
  userErrors: o.errors.map((e) => ({ ...e, message: e.code })),
  spaceCapacity: o.spaceCapacity ?? null,
});
