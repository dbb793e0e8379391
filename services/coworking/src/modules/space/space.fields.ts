import { Args, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { assumedSize } from '@maison/kit';
import { checkQueryWindow } from '@maison/house';
import type { Context } from '../../context';
import { CoworkingEvent } from '../event/coworking-event.entity';
import { EventWindowArgs } from '../event/event.input';
import { SharedSpace } from './shared-space.entity';

/** What coworking adds to a shared space of the house: its events. */
@Resolver(() => SharedSpace)
export class SharedSpaceFields {
  // Without bounds, a season of events held in one space.
  @Directive(assumedSize(20))
  @FieldResolver(() => [CoworkingEvent], {
    nullable: true,
    description: 'Events of Espace KO held in this space overlapping [from, to) (either bound may be left out), by startsAt; cancelled ones left out.',
  })
  coworkingEvents(@Root() space: SharedSpace, @Ctx() ctx: Context, @Args(() => EventWindowArgs) window: EventWindowArgs): Promise<CoworkingEvent[]> {
    checkQueryWindow(window.from, window.to, ctx.lang);
    // Batched with the other spaces of the request: one statement per window asked.
    return ctx.loaders.eventsBySpaceWindow.load({ spaceId: space.id, from: window.from ?? null, to: window.to ?? null });
  }
}
