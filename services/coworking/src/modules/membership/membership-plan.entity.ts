import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Texts } from '@maison/house';

export enum MembershipPlanCode {
  DAY_PASS = 'DAY_PASS',
  TEN_DAY_CARD = 'TEN_DAY_CARD',
  PART_TIME_MONTHLY = 'PART_TIME_MONTHLY',
  FULL_TIME_MONTHLY = 'FULL_TIME_MONTHLY',
}
registerEnumType(MembershipPlanCode, {
  name: 'MembershipPlanCode',
  description: 'The kind of a plan, which says how it behaves: several plans may share a kind (two part-time plans with different days).',
});

@ObjectType({ description: 'A way to work at Espace KO: a day pass, a 10-day card, or a monthly membership.' })
@Entity('membership_plan')
export class MembershipPlan {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id!: string;

  @Field(() => MembershipPlanCode, { description: 'The kind of the plan: how it behaves (a pass, a card, a monthly plan).' })
  @Column({ type: 'enum', enum: MembershipPlanCode, enumName: 'membership_plan_code' })
  code!: MembershipPlanCode;

  @Field({ description: 'Unique name of the plan in URLs: a-z, 0-9 and hyphens, e.g. "part-time-monthly".' })
  @Column('text')
  slug!: string;

  @Column('jsonb', { name: 'name' })
  nameTexts!: Texts;

  @Column('jsonb', { name: 'description', nullable: true })
  descriptionTexts!: Texts | null;

  @Column('integer', { name: 'price_cents' })
  priceCents!: number;

  @Column('text')
  currency!: string;

  @Field(() => Int, { nullable: true, description: 'Days of coworking a card includes (10 for the standard 10-day card, 1 to 100); null for other kinds.' })
  @Column('integer', { name: 'days_included', nullable: true })
  daysIncluded!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Days a membership of the plan lasts; null: the default of its kind (a day pass its day, a 10-day card a year, a monthly plan a calendar month).',
  })
  @Column('integer', { name: 'duration_days', nullable: true })
  durationDays!: number | null;

  @Field(() => [Int], {
    nullable: true,
    description: 'The ISO weekdays (1 = Monday ... 7 = Sunday, house time) a part-time plan lets its members come, in order; null: every day.',
  })
  @Column('integer', { name: 'allowed_weekdays', array: true, nullable: true })
  allowedWeekdays!: number[] | null;

  @Field({ description: 'Whether the plan is on sale: membershipPlans lists only those (ADMIN may list all), and joinPlan sells only those.' })
  @Column('boolean', { name: 'on_sale' })
  onSale!: boolean;
}
