import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { errorsOf, refuse, signedIn } from '@maison/house';
import type { Context } from '../../context';
import { unknownTokenMember } from '../../acting-member';
import { CoworkingEvent } from '../event/coworking-event.entity';
import { EventRegistration } from './registration.entity';
import { CancelEventRegistrationPayload, RegisterForEventPayload } from './registration.input';

@Resolver(() => CoworkingEvent)
export class RegistrationResolver {
  @Mutation(() => RegisterForEventPayload, {
    description:
      'Registers you (any signed-in caller; members-only events need an active membership): CONFIRMED while seats remain, WAITLISTED after. UNKNOWN_HOLDER when your token names a member who does not exist.',
  })
  async registerForEvent(@Ctx() ctx: Context, @Arg('eventId', () => ID) eventId: string): Promise<RegisterForEventPayload> {
    const identity = signedIn(ctx);
    const unknown = await unknownTokenMember(ctx);
    const outcome = unknown ? refuse(unknown) : await ctx.services.registrations.register(identity, eventId);
    return Object.assign(new RegisterForEventPayload(), { registration: outcome.value, userErrors: errorsOf(outcome.errors, ctx.lang) });
  }

  @Mutation(() => CancelEventRegistrationPayload, {
    description: 'Gives up your seat or place in line, until the event starts; a seat given up goes to the first person waiting.',
  })
  async cancelEventRegistration(@Ctx() ctx: Context, @Arg('eventId', () => ID) eventId: string): Promise<CancelEventRegistrationPayload> {
    const identity = signedIn(ctx);
    const unknown = await unknownTokenMember(ctx);
    const outcome = unknown ? refuse(unknown) : await ctx.services.registrations.cancel(identity, eventId);
    return Object.assign(new CancelEventRegistrationPayload(), { registration: outcome.value, userErrors: errorsOf(outcome.errors, ctx.lang) });
  }

  @FieldResolver(() => Int, { description: 'Seats still free: capacity minus confirmed registrations.' })
  async seatsLeft(@Root() event: CoworkingEvent, @Ctx() ctx: Context): Promise<number> {
    return Math.max(0, event.capacity - (await ctx.loaders.confirmedByEvent.load(event.id)));
  }

  @FieldResolver(() => EventRegistration, {
    nullable: true,
    description: 'Your own live registration (confirmed or waitlisted); null otherwise, and for a token naming a member who does not exist.',
  })
  async myRegistration(@Root() event: CoworkingEvent, @Ctx() ctx: Context): Promise<EventRegistration | null> {
    // One member lookup for the whole page (the request's loader): a token naming nobody reads nothing.
    if (await unknownTokenMember(ctx)) return null;
    return ctx.loaders.myRegistrationByEvent.load(event.id);
  }
}
