import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { CoworkingEvent, CoworkingEventConnection } from './coworking-event.entity';
import { CoworkingEventsArgs } from './event.input';

@Resolver(() => CoworkingEvent)
export class EventResolver {
  @Query(() => CoworkingEventConnection, {
    description: 'Events of Espace KO overlapping [from, to) (either bound may be left out), by startsAt then id.',
  })
  async coworkingEvents(
    @Ctx() ctx: Context,
    @Args(() => CoworkingEventsArgs) args: CoworkingEventsArgs,
  ): Promise<InstanceType<typeof CoworkingEventConnection>> {
    return CoworkingEventConnection.from(await ctx.services.events.list(args, args, ctx.lang));
  }

  @Query(() => CoworkingEvent, { nullable: true })
  coworkingEvent(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<CoworkingEvent | null> {
    return ctx.services.events.byId(ctx.loaders, id);
  }
}
