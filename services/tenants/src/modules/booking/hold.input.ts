import { Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '@maison/kit';
import { BookSharedSpacePayload } from './booking.input';

@InputType({
  description:
    "Service calls only: ADMIN holds despite the space's rules (capacity, opening hours, season), for a reason kept in the booking's history (1 to 500 characters).",
})
@Directive('@inaccessible')
export class HoldOverrideInput {
  @Field()
  reason!: string;
}

@InputType({
  description:
    "Service calls only: a coworking event or a vernissage holding a shared space. The hold keeps the space's capacity, opening hours and season like a booking (OVER_CAPACITY, OUTSIDE_OPENING_HOURS, OUT_OF_SEASON), not the booking-only limits (notice, horizon, durations, quota).",
})
@Directive('@inaccessible')
export class HoldSharedSpaceInput {
  @Field(() => ID)
  spaceId!: string;

  @Field(() => DateTimeScalar)
  startsAt!: Date;

  @Field(() => DateTimeScalar)
  endsAt!: Date;

  @Field()
  title!: string;

  @Field({
    description:
      'Names the hold, "<kind>:<owner id>[-<suffix>]" (e.g. "coworking-event:<id>-<suffix>"): holding, moving and releasing are idempotent by it, and a released reference is never held again.',
  })
  reference!: string;

  @Field(() => Int, {
    nullable: true,
    description: "How many people the holder expects, 1 or more: checked against the space's capacity; left out, no capacity check.",
  })
  attendees?: number | null;

  @Field(() => HoldOverrideInput, { nullable: true, description: "Holds despite the space's rules; the reason goes into the booking's history." })
  override?: HoldOverrideInput | null;
}

@ObjectType({ description: 'Service calls only: a live hold of a shared space, as the reconciler of its holder reads it.' })
@Directive('@inaccessible')
export class SpaceHold {
  @Field()
  reference!: string;

  @Field(() => ID)
  spaceId!: string;

  @Field(() => DateTimeScalar)
  startsAt!: Date;

  @Field(() => DateTimeScalar)
  endsAt!: Date;

  @Field()
  title!: string;
}

@ObjectType({ description: 'Service calls only: what a hold, a move or a release of a hold answered.' })
@Directive('@inaccessible')
export class SpaceHoldPayload extends BookSharedSpacePayload {
  @Field(() => Int, { nullable: true, description: 'With OVER_CAPACITY: the capacity of the space, for the holder to word the refusal.' })
  spaceCapacity!: number | null;
}
