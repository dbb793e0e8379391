import { ServiceClient } from '@maison/kit';

/** What the ledger of the tenants subgraph is asked to hold: a shared space over [startsAt, endsAt). */
export interface HoldRequest {
  reference: string;
  spaceId: string;
  startsAt: Date;
  endsAt: Date;
  title: string;
}

export interface HoldAnswer {
  booking: { id: string; startsAt: string; endsAt: string } | null;
  userErrors: { code: string; message: string; field: string[] | null }[];
}

/**
 * Holds of shared spaces in the tenants ledger. A refusal comes back in userErrors (SLOT_UNAVAILABLE,
 * NOT_FOUND…); a failure of the call itself (down, HTTP 500, timeout) throws. Every call is
 * idempotent per reference: holding or releasing twice changes nothing.
 */
export interface SpaceHolds {
  hold(request: HoldRequest): Promise<HoldAnswer>;
  move(request: HoldRequest): Promise<HoldAnswer>;
  release(reference: string): Promise<HoldAnswer>;
}

/** The reference of an event's hold in the ledger. */
export const holdReferenceOf = (eventId: string) => `coworking-event:${eventId.toLowerCase()}`;

const ANSWER = 'booking { id startsAt endsAt } userErrors { code message field }';

/** SpaceHolds over signed service-to-service GraphQL calls to the tenants subgraph (as service:coworking, ADMIN). */
export class TenantsSpaceHolds implements SpaceHolds {
  constructor(private readonly client: ServiceClient) {}

  async hold(r: HoldRequest): Promise<HoldAnswer> {
    const data = await this.client.request<{ holdSharedSpace: HoldAnswer }>(
      `mutation HoldSharedSpace($input: HoldSharedSpaceInput!) { holdSharedSpace(input: $input) { ${ANSWER} } }`,
      { input: { spaceId: r.spaceId, startsAt: r.startsAt.toISOString(), endsAt: r.endsAt.toISOString(), title: r.title, reference: r.reference } },
    );
    return data.holdSharedSpace;
  }

  async move(r: HoldRequest): Promise<HoldAnswer> {
    const data = await this.client.request<{ moveSpaceHold: HoldAnswer }>(
      `mutation MoveSpaceHold($reference: String!, $spaceId: ID!, $startsAt: DateTime!, $endsAt: DateTime!, $title: String!) {
        moveSpaceHold(reference: $reference, spaceId: $spaceId, startsAt: $startsAt, endsAt: $endsAt, title: $title) { ${ANSWER} } }`,
      { reference: r.reference, spaceId: r.spaceId, startsAt: r.startsAt.toISOString(), endsAt: r.endsAt.toISOString(), title: r.title },
    );
    return data.moveSpaceHold;
  }

  async release(reference: string): Promise<HoldAnswer> {
    const data = await this.client.request<{ releaseSpaceHold: HoldAnswer }>(
      `mutation ReleaseSpaceHold($reference: String!) { releaseSpaceHold(reference: $reference) { ${ANSWER} } }`,
      { reference },
    );
    return data.releaseSpaceHold;
  }
}

export function spaceHoldsFor(config: { tenantsUrl?: string | undefined; signingSecret: string }): SpaceHolds | null {
  return config.tenantsUrl ? new TenantsSpaceHolds(new ServiceClient(config.tenantsUrl, config.signingSecret, 'coworking')) : null;
}
