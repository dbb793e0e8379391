import { Field, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '@maison/kit';

@ObjectType({ description: 'A free slot, half-open [startsAt, endsAt).' })
export class TimeSlot {
  @Field(() => DateTimeScalar)
  startsAt!: Date;

  @Field(() => DateTimeScalar)
  endsAt!: Date;
}
