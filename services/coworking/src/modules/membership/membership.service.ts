import type { DataSource } from 'typeorm';
import type { Identity } from '@maison/auth';
import { todayInHouse } from '@maison/kit';
import type { CoworkingLoaders } from '../../services';
import { isSelfOrAdmin } from '../member/member.access';
import { MembershipPlan } from './membership-plan.entity';
import type { Membership } from './membership.entity';
import { membershipStatus, MembershipStatus } from './membership.status';

export class MembershipService {
  constructor(private readonly ds: DataSource) {}

  /** The plans on sale, cheapest first. */
  plans(): Promise<MembershipPlan[]> {
    return this.ds.getRepository(MembershipPlan).find({ order: { priceCents: 'ASC', code: 'ASC' } });
  }

  /** A member's memberships, latest first; null for anyone but the member and ADMIN. */
  async ofMember(loaders: CoworkingLoaders, identity: Identity, memberId: string): Promise<Membership[] | null> {
    if (!isSelfOrAdmin(memberId, identity)) return null;
    return loaders.membershipsByMember.load(memberId.toLowerCase());
  }

  /** The membership in force today in house time (the latest started, when several are). */
  async currentOf(loaders: CoworkingLoaders, identity: Identity, memberId: string, today = todayInHouse()): Promise<Membership | null> {
    const all = await this.ofMember(loaders, identity, memberId);
    return all?.find((m) => membershipStatus(m, today) === MembershipStatus.ACTIVE) ?? null;
  }
}
