import type { DataSource } from 'typeorm';
import { entityLoader, groupLoader, uuids } from '@maison/kit';
import { MembershipPlan } from './membership-plan.entity';
import { Membership } from './membership.entity';

export function membershipLoaders(ds: DataSource) {
  return {
    planById: entityLoader(ds, MembershipPlan),
    membershipById: entityLoader(ds, Membership),
    /** Memberships of many members, latest first: one statement for all members of a request. */
    membershipsByMember: groupLoader(
      (ids: readonly string[]) =>
        ds
          .getRepository(Membership)
          .createQueryBuilder('ms')
          .where('ms.member_id = ANY(:ids)', { ids: uuids(ids) })
          .orderBy('ms.member_id')
          .addOrderBy('ms.starts_on', 'DESC')
          .addOrderBy('ms.id', 'DESC')
          .getMany(),
      (ms) => ms.memberId,
    ),
  };
}
