import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { costWeight } from '@maison/kit';
import { tr } from '@maison/house';
import type { Context } from '../../context';
import { SharedSpace } from '../space/shared-space.entity';
import { CoworkingEvent } from './coworking-event.entity';

/** The fields of an event that read the request: its texts in the caller's language, and its venue. */
@Resolver(() => CoworkingEvent)
export class CoworkingEventFields {
  @FieldResolver(() => String)
  title(@Root() event: CoworkingEvent, @Ctx() ctx: Context): string {
    return tr(event.titleTexts, ctx.lang);
  }

  @FieldResolver(() => String, { nullable: true })
  description(@Root() event: CoworkingEvent, @Ctx() ctx: Context): string | null {
    return tr(event.descriptionTexts, ctx.lang);
  }

  // The space's own fields come from the tenants subgraph: one more fetch.
  @Directive(costWeight(2))
  @FieldResolver(() => SharedSpace, { nullable: true, description: 'The shared space of the house the event is held in; null when in a room of Espace KO.' })
  sharedSpace(@Root() event: CoworkingEvent): SharedSpace | null {
    return event.spaceId === null ? null : Object.assign(new SharedSpace(), { id: event.spaceId });
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The room of Espace KO the event is held in, e.g. "Salle de réunion"; null when in a shared space.',
  })
  room(@Root() event: CoworkingEvent, @Ctx() ctx: Context): string | null {
    return tr(event.roomTexts, ctx.lang);
  }
}
