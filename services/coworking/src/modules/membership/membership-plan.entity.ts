import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Texts } from '@maison/house';

export enum MembershipPlanCode {
  DAY_PASS = 'DAY_PASS',
  TEN_DAY_CARD = 'TEN_DAY_CARD',
  PART_TIME_MONTHLY = 'PART_TIME_MONTHLY',
  FULL_TIME_MONTHLY = 'FULL_TIME_MONTHLY',
}
registerEnumType(MembershipPlanCode, { name: 'MembershipPlanCode', description: 'The plans Espace KO sells.' });

@ObjectType({ description: 'A way to work at Espace KO: a day pass, a 10-day card, or a monthly membership.' })
@Entity('membership_plan')
export class MembershipPlan {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id!: string;

  @Field(() => MembershipPlanCode)
  @Column({ type: 'enum', enum: MembershipPlanCode, enumName: 'membership_plan_code' })
  code!: MembershipPlanCode;

  @Column('jsonb', { name: 'name' })
  nameTexts!: Texts;

  @Column('jsonb', { name: 'description', nullable: true })
  descriptionTexts!: Texts | null;

  @Column('integer', { name: 'price_cents' })
  priceCents!: number;

  @Column('text')
  currency!: string;

  @Field(() => Int, { nullable: true, description: 'Days of coworking included: 10 for the card, null otherwise.' })
  @Column('integer', { name: 'days_included', nullable: true })
  daysIncluded!: number | null;
}
