import { Args, Ctx, Directive, Field, ID, ObjectType } from 'type-graphql';
import { assumedSize } from '@maison/kit';
import type { Context } from '../../context';
import { CoworkingEvent } from '../event/coworking-event.entity';
import { EventWindowArgs } from '../event/event.input';

/**
 * The tenants subgraph owns shared spaces; coworking knows only their id and adds its events.
 * No description here: the owner's one is the supergraph's.
 */
@ObjectType()
@Directive('@key(fields: "id")')
export class SharedSpace {
  @Field(() => ID)
  id!: string;

  // Without bounds, a season of events held in one space.
  @Directive(assumedSize(20))
  @Field(() => [CoworkingEvent], {
    nullable: true,
    description: 'Events of Espace KO held in this space overlapping [from, to) (either bound may be left out), by startsAt; cancelled ones left out.',
  })
  coworkingEvents(@Ctx() ctx: Context, @Args(() => EventWindowArgs) window: EventWindowArgs): Promise<CoworkingEvent[]> {
    return ctx.services.events.ofSpace(ctx.loaders, this.id, window, ctx.lang);
  }
}
