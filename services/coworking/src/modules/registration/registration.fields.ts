import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { CoworkingEvent } from '../event/coworking-event.entity';
import { EventRegistration } from './registration.entity';

/** The event of a registration (cancelled events included). */
@Resolver(() => EventRegistration)
export class EventRegistrationFields {
  @FieldResolver(() => CoworkingEvent)
  event(@Root() registration: EventRegistration, @Ctx() ctx: Context): Promise<CoworkingEvent | null> {
    return ctx.loaders.eventById.load(registration.eventId);
  }
}
