import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { errorsOf, signedIn } from '@maison/house';
import type { Context } from '../../context';
import { CoworkingEvent } from '../event/coworking-event.entity';
import { EventRegistration } from './registration.entity';
import { CancelEventRegistrationPayload, RegisterForEventPayload } from './registration.input';

@Resolver(() => CoworkingEvent)
export class RegistrationResolver {
  @Mutation(() => RegisterForEventPayload, {
    description: 'Registers you (any signed-in caller; members-only events need an active membership): CONFIRMED while seats remain, WAITLISTED after.',
  })
  async registerForEvent(@Ctx() ctx: Context, @Arg('eventId', () => ID) eventId: string): Promise<RegisterForEventPayload> {
    const outcome = await ctx.services.registrations.register(signedIn(ctx), eventId);
    return Object.assign(new RegisterForEventPayload(), { registration: outcome.value, userErrors: errorsOf(outcome.errors, ctx.lang) });
  }

  @Mutation(() => CancelEventRegistrationPayload, {
    description: 'Gives up your seat or place in line, until the event starts; a seat given up goes to the first person waiting.',
  })
  async cancelEventRegistration(@Ctx() ctx: Context, @Arg('eventId', () => ID) eventId: string): Promise<CancelEventRegistrationPayload> {
    const outcome = await ctx.services.registrations.cancel(signedIn(ctx), eventId);
    return Object.assign(new CancelEventRegistrationPayload(), { registration: outcome.value, userErrors: errorsOf(outcome.errors, ctx.lang) });
  }

  @FieldResolver(() => Int, { description: 'Seats still free: capacity minus confirmed registrations.' })
  async seatsLeft(@Root() event: CoworkingEvent, @Ctx() ctx: Context): Promise<number> {
    return Math.max(0, event.capacity - (await ctx.loaders.confirmedByEvent.load(event.id)));
  }

  @FieldResolver(() => EventRegistration, { nullable: true, description: 'Your own live registration (confirmed or waitlisted); null otherwise.' })
  myRegistration(@Root() event: CoworkingEvent, @Ctx() ctx: Context): Promise<EventRegistration | null> {
    return ctx.loaders.myRegistrationByEvent.load(event.id);
  }
}
