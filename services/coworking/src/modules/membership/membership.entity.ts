import { Ctx, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateTimeScalar, LocalDateScalar } from '@maison/kit';
import { todayInHouse } from '@maison/house';
import type { Context } from '../../context';
import { Member } from '../member/member.entity';
import { MembershipPlan } from './membership-plan.entity';
import { daysLeftOf, membershipStatus, MembershipStatus } from './membership.status';

@ObjectType({ description: 'One purchase of a plan by a member, for the local dates startsOn to endsOn, both included.' })
@Entity('membership')
export class Membership {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'member_id' })
  memberId!: string;

  @Column('uuid', { name: 'plan_id' })
  planId!: string;

  @Field(() => LocalDateScalar, { description: 'First day, included.' })
  @Column('date', { name: 'starts_on' })
  startsOn!: string;

  @Field(() => LocalDateScalar, { description: 'Last day, included.' })
  @Column('date', { name: 'ends_on' })
  endsOn!: string;

  @Column('integer', { name: 'days_included', nullable: true })
  daysIncluded!: number | null;

  @Column('integer', { name: 'days_used', nullable: true })
  daysUsed!: number | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When ADMIN cancelled it; null while it is not cancelled.' })
  @Column('timestamptz', { name: 'cancelled_at', nullable: true })
  cancelledAt!: Date | null;

  @Field(() => Member)
  member(@Ctx() ctx: Context): Promise<Member | null> {
    return ctx.loaders.memberById.load(this.memberId);
  }

  @Field(() => MembershipPlan)
  plan(@Ctx() ctx: Context): Promise<MembershipPlan | null> {
    return ctx.loaders.planById.load(this.planId);
  }

  @Field(() => MembershipStatus, { description: 'Derived from the dates in house time, unless cancelled.' })
  status(): MembershipStatus {
    return membershipStatus(this, todayInHouse());
  }

  @Field(() => Int, { nullable: true, description: 'Days left on a 10-day card; null for other plans.' })
  daysLeft(): number | null {
    return daysLeftOf(this);
  }
}
