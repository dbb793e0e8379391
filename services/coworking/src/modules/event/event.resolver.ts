import { Arg, Args, Ctx, Directive, ID, Mutation, Query, Resolver } from 'type-graphql';
import { CONNECTION_SIZE } from '@maison/kit';
import { adminOnly, errorsOf, type Outcome } from '@maison/house';
import { withLedgerErrors } from '@maison/space-holds';
import type { Context } from '../../context';
import { CoworkingEvent, CoworkingEventConnection } from './coworking-event.entity';
import {
  CancelCoworkingEventPayload,
  CoworkingEventsArgs,
  CreateCoworkingEventInput,
  CreateCoworkingEventPayload,
  UpdateCoworkingEventInput,
  UpdateCoworkingEventPayload,
  type CoworkingEventPayload,
} from './event.input';

function payload<P extends CoworkingEventPayload>(type: new () => P, outcome: Outcome<CoworkingEvent>, ctx: Context): P {
  return Object.assign(new type(), { event: outcome.value, userErrors: errorsOf(outcome.errors, ctx.lang) });
}

@Resolver(() => CoworkingEvent)
export class EventResolver {
  @Directive(CONNECTION_SIZE)
  @Query(() => CoworkingEventConnection, {
    description: 'Events of Espace KO overlapping [from, to) (either bound may be left out), by startsAt then id; cancelled ones left out.',
  })
  async coworkingEvents(
    @Ctx() ctx: Context,
    @Args(() => CoworkingEventsArgs) args: CoworkingEventsArgs,
  ): Promise<InstanceType<typeof CoworkingEventConnection>> {
    return CoworkingEventConnection.from(await ctx.services.events.list(args, args, ctx.lang));
  }

  @Query(() => CoworkingEvent, { nullable: true, description: 'An event by id, cancelled ones included (see cancelledAt).' })
  coworkingEvent(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<CoworkingEvent | null> {
    return ctx.loaders.eventById.load(id);
  }

  @Mutation(() => CreateCoworkingEventPayload, {
    description:
      'ADMIN: creates an event. In a shared space, the space is held in the house ledger at the same time (SLOT_UNAVAILABLE when taken). With an idempotencyKey, a retry creates no second event.',
  })
  async createCoworkingEvent(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateCoworkingEventInput) input: CreateCoworkingEventInput,
  ): Promise<CreateCoworkingEventPayload> {
    adminOnly(ctx);
    return payload(CreateCoworkingEventPayload, await withLedgerErrors(ctx.lang, () => ctx.services.eventAdmin.create(input, ctx)), ctx);
  }

  @Mutation(() => UpdateCoworkingEventPayload, {
    description: 'ADMIN: changes an event; a new time or venue moves, takes or frees its hold of a shared space in the same step.',
  })
  async updateCoworkingEvent(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateCoworkingEventInput) input: UpdateCoworkingEventInput,
  ): Promise<UpdateCoworkingEventPayload> {
    adminOnly(ctx);
    return payload(UpdateCoworkingEventPayload, await withLedgerErrors(ctx.lang, () => ctx.services.eventAdmin.update(id, input, ctx)), ctx);
  }

  @Mutation(() => CancelCoworkingEventPayload, { description: 'ADMIN: cancels an event and frees its shared space.' })
  async cancelCoworkingEvent(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<CancelCoworkingEventPayload> {
    adminOnly(ctx);
    return payload(CancelCoworkingEventPayload, await withLedgerErrors(ctx.lang, () => ctx.services.eventAdmin.cancel(id, ctx)), ctx);
  }
}
