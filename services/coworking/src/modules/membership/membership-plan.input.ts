import { Directive, Field, InputType, Int, ObjectType } from 'type-graphql';
import { LocalizedTextInput, USER_ERRORS_SIZE, UserError } from '@maison/kit';
import { MembershipPlan, MembershipPlanCode } from './membership-plan.entity';

@InputType({
  description:
    'ADMIN: a new plan. Prices are before taxes (GST 5 % and QST 9.975 % are added on top). The rules of each kind: a DAY_PASS lasts one day; a TEN_DAY_CARD needs daysIncluded; a PART_TIME_MONTHLY needs allowedWeekdays.',
})
export class CreateMembershipPlanInput {
  @Field({ description: 'Unique: a-z, 0-9 and hyphens, at most 60 characters (SLUG_TAKEN when another plan has it).' })
  slug!: string;

  @Field(() => MembershipPlanCode, { description: 'The kind of the plan, which says how it behaves.' })
  code!: MembershipPlanCode;

  @Field(() => LocalizedTextInput, { description: 'French required (1 to 120 characters), English optional.' })
  name!: LocalizedTextInput;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'Up to 2000 characters.' })
  description?: LocalizedTextInput | null;

  @Field(() => Int, { description: 'Price before taxes, in cents: 0 to 1000000.' })
  priceCents!: number;

  @Field(() => Int, {
    nullable: true,
    description: '1 to 366 days (1 for a day pass); null: a day pass its day, a card a year, a monthly plan a calendar month.',
  })
  durationDays?: number | null;

  @Field(() => Int, { nullable: true, description: 'TEN_DAY_CARD only, and required for it: 1 to 100 days.' })
  daysIncluded?: number | null;

  @Field(() => [Int], { nullable: true, description: 'PART_TIME_MONTHLY only, and required for it: 1 to 6 distinct ISO weekdays (1 = Monday ... 7 = Sunday).' })
  allowedWeekdays?: number[] | null;
}

@InputType({
  description:
    'ADMIN: changes to a plan; a field left out is unchanged (null clears description, durationDays, daysIncluded, allowedWeekdays). A new price applies to new memberships only.',
})
export class UpdateMembershipPlanInput {
  @Field(() => LocalizedTextInput, { nullable: true })
  name?: LocalizedTextInput | null;

  @Field(() => LocalizedTextInput, { nullable: true })
  description?: LocalizedTextInput | null;

  @Field(() => Int, { nullable: true, description: 'Price before taxes, in cents: 0 to 1000000. Memberships already bought keep their price.' })
  priceCents?: number | null;

  @Field(() => Int, { nullable: true })
  durationDays?: number | null;

  @Field(() => Int, { nullable: true })
  daysIncluded?: number | null;

  @Field(() => [Int], { nullable: true, description: 'Applies at once to the check-ins of every member holding the plan.' })
  allowedWeekdays?: number[] | null;

  @Field(() => Boolean, { nullable: true, description: 'false: off sale (no longer listed nor sold; memberships already bought stay valid).' })
  onSale?: boolean | null;
}

@ObjectType()
export class MembershipPlanPayload {
  @Field(() => MembershipPlan, { nullable: true })
  plan!: MembershipPlan | null;

  @Directive(USER_ERRORS_SIZE)
  @Field(() => [UserError])
  userErrors!: UserError[];
}
