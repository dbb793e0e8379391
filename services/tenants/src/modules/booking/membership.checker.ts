import { ServiceClient } from '@maison/kit';
import type { MembershipChecker, MembershipState } from './booking.holder';

const QUERY = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Member { currentMembership { status } } } }`;

/**
 * Asks the coworking subgraph, with a signed service call, what it knows of a member's membership.
 * The call is signed as the tenants service (ADMIN), who sees every member: a null entity means
 * coworking has no such member (UNKNOWN), not one hidden from the caller.
 *
 * It asks for no weekday: a part-time plan's allowedWeekdays limit coming to Espace KO (checkIn),
 * not the shared spaces. A part-time member stays ACTIVE on the other days (the status follows the
 * dates), so may book the kitchen on any day its rules allow, like any active member.
 */
export class CoworkingMembershipChecker implements MembershipChecker {
  constructor(private readonly client: ServiceClient | null) {}

  async membershipOf(memberId: string): Promise<MembershipState> {
    // Without the coworking subgraph nobody can vouch for the membership: refuse rather than guess.
    if (!this.client) return 'INACTIVE';
    const data = await this.client.request<{ _entities: ({ currentMembership: { status: string } | null } | null)[] }>(QUERY, {
      r: [{ __typename: 'Member', id: memberId }],
    });
    const member = data._entities[0];
    if (!member) return 'UNKNOWN';
    return member.currentMembership?.status === 'ACTIVE' ? 'ACTIVE' : 'INACTIVE';
  }
}
