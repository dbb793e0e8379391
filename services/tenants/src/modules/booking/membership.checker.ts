import { ServiceClient } from '@maison/kit';
import type { MembershipChecker } from './booking.holder';

const QUERY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Member { currentMembership { status } } } }`;

/** Asks the coworking subgraph, with a signed service call, whether a member's membership is active. */
export class CoworkingMembershipChecker implements MembershipChecker {
  constructor(private readonly client: ServiceClient | null) {}

  async hasActiveMembership(memberId: string): Promise<boolean> {
    // Without the coworking subgraph nobody can vouch for the membership: refuse rather than guess.
    if (!this.client) return false;
    const data = await this.client.request<{ _entities: ({ currentMembership: { status: string } | null } | null)[] }>(QUERY, {
      r: [{ __typename: 'Member', id: memberId }],
    });
    return data._entities[0]?.currentMembership?.status === 'ACTIVE';
  }
}
