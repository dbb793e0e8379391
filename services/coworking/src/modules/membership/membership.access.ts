import { isAdmin, type Identity } from '@maison/auth';
import { always, equals, holds, never, type RowCondition } from '@maison/house';
import { ownMemberId } from '../member/member.access';

/** What the visibility of a membership reads. */
export interface MembershipFacts {
  memberId: string;
}

/** Memberships are seen by their member and ADMIN; by no one else, even when the member is public. */
export function membershipsVisibleTo(identity: Identity): RowCondition<MembershipFacts> {
  if (isAdmin(identity)) return always();
  const self = ownMemberId(identity);
  return self ? equals('memberId', self) : never();
}

/** Whether the caller may see the memberships of a member (asked before loading them: null, not an empty list, for others). */
export function canSeeMembershipsOf(memberId: string, identity: Identity): boolean {
  return holds(membershipsVisibleTo(identity), { memberId: memberId.toLowerCase() });
}
