import { Arg, Ctx, Directive, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import { adminOnly, errorsOf } from '@maison/house';
import { DateTimeScalar } from '@maison/kit';
import type { Context } from '../../context';
import { BookSharedSpacePayload } from './booking.input';
import type { Outcome } from './booking.service';
import { SpaceBooking } from './space-booking.entity';

@InputType({ description: 'Service calls only: a coworking event or a vernissage holding a shared space.' })
@Directive('@inaccessible')
export class HoldSharedSpaceInput {
  @Field(() => ID)
  spaceId!: string;

  @Field(() => DateTimeScalar)
  startsAt!: Date;

  @Field(() => DateTimeScalar)
  endsAt!: Date;

  @Field()
  title!: string;

  @Field({ description: 'Names the hold, e.g. "coworking-event:<id>": holding, moving and releasing are idempotent by it.' })
  reference!: string;
}

/** Service-to-service API of the ledger. @inaccessible: composed out of the public graph, reachable only by signed calls. */
@Resolver(() => SpaceBooking)
export class HoldResolver {
  @Mutation(() => BookSharedSpacePayload)
  @Directive('@inaccessible')
  holdSharedSpace(@Ctx() ctx: Context, @Arg('input', () => HoldSharedSpaceInput) input: HoldSharedSpaceInput): Promise<BookSharedSpacePayload> {
    return ctx.services.holds.hold(adminOnly(ctx), input).then((o) => payload(o, ctx));
  }

  @Mutation(() => BookSharedSpacePayload)
  @Directive('@inaccessible')
  moveSpaceHold(
    @Ctx() ctx: Context,
    @Arg('reference') reference: string,
    @Arg('spaceId', () => ID) spaceId: string,
    @Arg('startsAt', () => DateTimeScalar) startsAt: Date,
    @Arg('endsAt', () => DateTimeScalar) endsAt: Date,
    @Arg('title') title: string,
  ): Promise<BookSharedSpacePayload> {
    return ctx.services.holds.move(adminOnly(ctx), { reference, spaceId, startsAt, endsAt, title }).then((o) => payload(o, ctx));
  }

  @Mutation(() => BookSharedSpacePayload)
  @Directive('@inaccessible')
  releaseSpaceHold(@Ctx() ctx: Context, @Arg('reference') reference: string): Promise<BookSharedSpacePayload> {
    return ctx.services.holds.release(adminOnly(ctx), reference).then((o) => payload(o, ctx));
  }
}

const payload = (outcome: Outcome, ctx: Context) =>
  Object.assign(new BookSharedSpacePayload(), {
    booking: outcome.booking,
    userErrors: errorsOf(outcome.errors, ctx.lang),
  });
