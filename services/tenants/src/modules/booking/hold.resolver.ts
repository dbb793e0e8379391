import { Arg, Ctx, Directive, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { badUserInput, UserErrorCode } from '@maison/errors';
import { adminOnly, errorsOf } from '@maison/house';
import { DateTimeScalar } from '@maison/kit';
import type { Context } from '../../context';
import type { Outcome } from './booking.service';
import { HoldOverrideInput, HoldSharedSpaceInput, SpaceHold, SpaceHoldPayload } from './hold.input';
import { MAX_LIVE_HOLDS_PAGE } from './hold.service';
import { SpaceBooking } from './space-booking.entity';

/** Service-to-service API of the ledger. @inaccessible: composed out of the public graph, reachable only by signed calls. */
@Resolver(() => SpaceBooking)
export class HoldResolver {
  @Mutation(() => SpaceHoldPayload)
  @Directive('@inaccessible')
  holdSharedSpace(@Ctx() ctx: Context, @Arg('input', () => HoldSharedSpaceInput) input: HoldSharedSpaceInput): Promise<SpaceHoldPayload> {
    return ctx.services.holds.hold(adminOnly(ctx), input).then((o) => payload(o, ctx));
  }

  @Mutation(() => SpaceHoldPayload)
  @Directive('@inaccessible')
  moveSpaceHold(
    @Ctx() ctx: Context,
    @Arg('reference') reference: string,
    @Arg('spaceId', () => ID) spaceId: string,
    @Arg('startsAt', () => DateTimeScalar) startsAt: Date,
    @Arg('endsAt', () => DateTimeScalar) endsAt: Date,
    @Arg('title') title: string,
    @Arg('attendees', () => Int, { nullable: true, description: 'As in HoldSharedSpaceInput: checked against the capacity of the space.' })
    attendees: number | null | undefined,
    @Arg('override', () => HoldOverrideInput, { nullable: true, description: "As in HoldSharedSpaceInput: moves despite the space's rules." })
    override: HoldOverrideInput | null | undefined,
  ): Promise<SpaceHoldPayload> {
    return ctx.services.holds
      .move(adminOnly(ctx), { reference, spaceId, startsAt, endsAt, title, attendees: attendees ?? null, override: override ?? null })
      .then((o) => payload(o, ctx));
  }

  @Query(() => [SpaceHold])
  @Directive('@inaccessible')
  @Directive(`@listSize(assumedSize: ${MAX_LIVE_HOLDS_PAGE}, slicingArguments: ["first"], requireOneSlicingArgument: false)`)
  async liveSpaceHolds(
    @Ctx() ctx: Context,
    @Arg('kind', { description: 'The kind of holder: "coworking-event" lists the holds "coworking-event:…".' }) kind: string,
    @Arg('endingAfter', () => DateTimeScalar) endingAfter: Date,
    @Arg('after', () => String, { nullable: true, description: 'The last reference of the previous page.' }) after: string | null | undefined,
    @Arg('first', () => Int, { defaultValue: 200, description: `1 to ${MAX_LIVE_HOLDS_PAGE}.` }) first: number,
  ): Promise<SpaceHold[]> {
    adminOnly(ctx);
    const holds = await ctx.services.holds.liveHolds(kind, endingAfter, after ?? null, first);
    if (!holds) throw badUserInput(ctx.lang, 'default');
    return holds.map((h) => Object.assign(new SpaceHold(), h));
  }

  @Mutation(() => SpaceHoldPayload)
  @Directive('@inaccessible')
  releaseSpaceHold(@Ctx() ctx: Context, @Arg('reference') reference: string): Promise<SpaceHoldPayload> {
    return ctx.services.holds.release(adminOnly(ctx), reference).then((o) => payload(o, ctx));
  }
}

const payload = (outcome: Outcome, ctx: Context) =>
  Object.assign(new SpaceHoldPayload(), {
    booking: outcome.booking,
    userErrors: errorsOf(outcome.errors, ctx.lang),
    spaceCapacity: outcome.errors.find((e) => e.code === UserErrorCode.OVER_CAPACITY)?.params?.capacity ?? null,
  });
