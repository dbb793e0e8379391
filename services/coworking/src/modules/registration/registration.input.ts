import { Directive, Field, ObjectType } from 'type-graphql';
import { USER_ERRORS_SIZE, UserError } from '@maison/kit';
import { EventRegistration } from './registration.entity';

@ObjectType()
export class RegisterForEventPayload {
  @Field(() => EventRegistration, { nullable: true, description: 'CONFIRMED while seats remain, WAITLISTED (with its position) after.' })
  registration!: EventRegistration | null;

  @Directive(USER_ERRORS_SIZE)
  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class CancelEventRegistrationPayload {
  @Field(() => EventRegistration, { nullable: true, description: 'The registration given up, now CANCELLED.' })
  registration!: EventRegistration | null;

  @Directive(USER_ERRORS_SIZE)
  @Field(() => [UserError])
  userErrors!: UserError[];
}
