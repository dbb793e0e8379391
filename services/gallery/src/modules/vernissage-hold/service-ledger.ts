import type { ServiceClient } from '@maison/kit';
import { LedgerUnavailableError, type HoldRequest, type LedgerOutcome, type SpaceLedger } from './space-ledger';

const PAYLOAD = 'booking { id startsAt endsAt } userErrors { code message field }';
const HOLD = `mutation HoldForVernissage($input: HoldSharedSpaceInput!) { holdSharedSpace(input: $input) { ${PAYLOAD} } }`;
const MOVE = `mutation MoveVernissageHold($reference: String!, $spaceId: ID!, $startsAt: DateTime!, $endsAt: DateTime!, $title: String!) {
  moveSpaceHold(reference: $reference, spaceId: $spaceId, startsAt: $startsAt, endsAt: $endsAt, title: $title) { ${PAYLOAD} }
}`;
const RELEASE = `mutation ReleaseVernissageHold($reference: String!) { releaseSpaceHold(reference: $reference) { ${PAYLOAD} } }`;

interface WirePayload {
  booking: { id: string; startsAt: string; endsAt: string } | null;
  userErrors: { code: string; field: string[] | null }[];
}

/** The ledger over signed service-to-service GraphQL calls to the tenants subgraph (as ADMIN "service:gallery"). */
export class ServiceLedger implements SpaceLedger {
  constructor(private readonly client: Pick<ServiceClient, 'request'>) {}

  hold(request: HoldRequest): Promise<LedgerOutcome> {
    return this.call('holdSharedSpace', HOLD, { input: wire(request) });
  }

  move(request: HoldRequest): Promise<LedgerOutcome> {
    return this.call('moveSpaceHold', MOVE, wire(request));
  }

  release(reference: string): Promise<LedgerOutcome> {
    return this.call('releaseSpaceHold', RELEASE, { reference });
  }

  private async call(field: string, query: string, variables: Record<string, unknown>): Promise<LedgerOutcome> {
    let data: Record<string, WirePayload | undefined>;
    try {
      data = await this.client.request<Record<string, WirePayload | undefined>>(query, variables);
    } catch (error) {
      throw new LedgerUnavailableError((error as Error).message);
    }
    const payload = data[field];
    if (!payload || !Array.isArray(payload.userErrors)) throw new LedgerUnavailableError(`no ${field} payload in the answer`);
    const booking = payload.booking && {
      id: payload.booking.id,
      startsAt: new Date(payload.booking.startsAt),
      endsAt: new Date(payload.booking.endsAt),
    };
    return { booking, errors: payload.userErrors.map((e) => ({ code: e.code, field: e.field ?? null })) };
  }
}

const wire = (r: HoldRequest) => ({
  reference: r.reference,
  spaceId: r.spaceId,
  startsAt: r.startsAt.toISOString(),
  endsAt: r.endsAt.toISOString(),
  title: r.title,
});
