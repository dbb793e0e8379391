import { Directive, Field, ID, InputType, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '@maison/kit';

@InputType({ description: 'Service calls only: a coworking event or a vernissage holding a shared space.' })
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
