import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateTimeScalar, LocalDateScalar } from '@maison/kit';

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

  /** The price before taxes it was bought at, frozen at purchase (Membership.price). */
  @Column('integer', { name: 'price_cents' })
  priceCents!: number;

  @Column('integer', { name: 'days_included', nullable: true })
  daysIncluded!: number | null;

  @Column('integer', { name: 'days_used', nullable: true })
  daysUsed!: number | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When ADMIN cancelled it; null while it is not cancelled.' })
  @Column('timestamptz', { name: 'cancelled_at', nullable: true })
  cancelledAt!: Date | null;
}
