import { ArgsType, Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar, DEFAULT_PAGE_SIZE, LocalizedTextInput, MAX_PAGE_SIZE, SpaceRulesOverrideInput, USER_ERRORS_SIZE, UserError } from '@maison/kit';
import { CoworkingEvent, CoworkingEventKind } from './coworking-event.entity';

/** A window [from, to) of events; either bound may be left out. One class, so the SDL lists from before to. */
@ArgsType()
export class EventWindowArgs {
  @Field(() => DateTimeScalar, { nullable: true, description: 'Events ending after this instant (no lower bound when left out).' })
  from?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Events starting before this instant (no upper bound when left out).' })
  to?: Date | null;
}

/** coworkingEvents(from, to, first, after), in the order of the public contract. */
@ArgsType()
export class CoworkingEventsArgs extends EventWindowArgs {
  @Field(() => Int, { nullable: true, description: `How many items, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string | null;
}

@InputType({ description: 'An event of Espace KO over [startsAt, endsAt), in exactly one venue: a shared space of the house or a room of Espace KO.' })
export class CreateCoworkingEventInput {
  @Field(() => CoworkingEventKind)
  kind!: CoworkingEventKind;

  @Field(() => LocalizedTextInput, { description: 'French required (1 to 200 characters), English optional.' })
  title!: LocalizedTextInput;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'Up to 2000 characters.' })
  description?: LocalizedTextInput | null;

  @Field(() => DateTimeScalar, { description: 'In the future.' })
  startsAt!: Date;

  @Field(() => DateTimeScalar, { description: 'After startsAt, at most 24 hours later.' })
  endsAt!: Date;

  @Field(() => Int, { description: 'Seats, 1 to 1000. In a shared space, at most its capacity (OVER_CAPACITY), unless spaceRulesOverride.' })
  capacity!: number;

  @Field(() => Boolean, { nullable: true, description: 'Only members with an active membership may register (false by default).' })
  membersOnly?: boolean | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'The shared space (kitchen, terrace) held for the event in the house ledger, within its capacity, opening hours and season (OVER_CAPACITY, OUTSIDE_OPENING_HOURS, OUT_OF_SEASON; not the booking-only limits: notice, horizon, durations, quota). Give this or room.',
  })
  sharedSpaceId?: string | null;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'A room of Espace KO, e.g. "Salle de réunion". Give this or sharedSpaceId.' })
  room?: LocalizedTextInput | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Makes a retry safe (1 to 200 printable characters): the same key with the same input answers the event created the first time, never a second one; with another input, IDEMPOTENCY_KEY_REUSED.',
  })
  idempotencyKey?: string | null;

  @Field(() => SpaceRulesOverrideInput, {
    nullable: true,
    description: 'ADMIN holds the shared space despite its capacity, opening hours and season; the reason is kept in the booking history of the space.',
  })
  spaceRulesOverride?: SpaceRulesOverrideInput | null;
}

@InputType({ description: 'The fields to change; those left out stay. Giving sharedSpaceId or room moves the event to that venue.' })
export class UpdateCoworkingEventInput {
  @Field(() => CoworkingEventKind, { nullable: true })
  kind?: CoworkingEventKind | null;

  @Field(() => LocalizedTextInput, { nullable: true })
  title?: LocalizedTextInput | null;

  @Field(() => LocalizedTextInput, { nullable: true, description: 'null removes the description.' })
  description?: LocalizedTextInput | null;

  @Field(() => DateTimeScalar, { nullable: true })
  startsAt?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  endsAt?: Date | null;

  @Field(() => Int, { nullable: true, description: 'Not below the confirmed registrations; a larger capacity seats the first people waiting.' })
  capacity?: number | null;

  @Field(() => Boolean, { nullable: true })
  membersOnly?: boolean | null;

  @Field(() => ID, { nullable: true })
  sharedSpaceId?: string | null;

  @Field(() => LocalizedTextInput, { nullable: true })
  room?: LocalizedTextInput | null;

  @Field(() => SpaceRulesOverrideInput, {
    nullable: true,
    description:
      'ADMIN holds the shared space despite its capacity, opening hours and season; the reason is kept in the booking history of the space. Left out, the override given before stays while the space, the times and the capacity stay; a change of any of them is checked again.',
  })
  spaceRulesOverride?: SpaceRulesOverrideInput | null;
}

@ObjectType()
export class CoworkingEventPayload {
  @Field(() => CoworkingEvent, { nullable: true })
  event!: CoworkingEvent | null;

  @Directive(USER_ERRORS_SIZE)
  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class CreateCoworkingEventPayload extends CoworkingEventPayload {}

@ObjectType()
export class UpdateCoworkingEventPayload extends CoworkingEventPayload {}

@ObjectType()
export class CancelCoworkingEventPayload extends CoworkingEventPayload {}
