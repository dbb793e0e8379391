import { Field, ObjectType } from 'type-graphql';
import { UserError } from '@maison/errors';
import { EventRegistration } from './registration.entity';

@ObjectType()
export class RegisterForEventPayload {
  @Field(() => EventRegistration, { nullable: true, description: 'CONFIRMED while seats remain, WAITLISTED (with its position) after.' })
  registration!: EventRegistration | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class CancelEventRegistrationPayload {
  @Field(() => EventRegistration, { nullable: true, description: 'The registration given up, now CANCELLED.' })
  registration!: EventRegistration | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
