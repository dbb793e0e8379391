import { ArgsType, Field, Int } from 'type-graphql';
import { DateTimeScalar, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@maison/kit';

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
