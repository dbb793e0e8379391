import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { LocalDateScalar } from '@maison/kit';
import { adminOnly, errorsOf } from '@maison/house';
import type { Context } from '../../context';
import { Artist } from '../artist/artist.entity';
import { StudioAssignment } from './studio-assignment.entity';
import type { AssignmentOutcome } from './studio-assignment.service';
import { AssignStudioInput, StudioAssignmentPayload } from './studio.input';
import { Studio } from './studio.entity';

const payload = (outcome: AssignmentOutcome, ctx: Context) =>
  Object.assign(new StudioAssignmentPayload(), { assignment: outcome.assignment, userErrors: errorsOf(outcome.errors, ctx.lang) });

@Resolver(() => StudioAssignment)
export class StudioAssignmentResolver {
  @Mutation(() => StudioAssignmentPayload, {
    description:
      'ADMIN: assigns an artist to a studio. OVER_CAPACITY when the studio already runs its capacity of assignments on one of the days; UNKNOWN_HOLDER for an artist who does not exist.',
  })
  async assignStudio(@Ctx() ctx: Context, @Arg('input', () => AssignStudioInput) input: AssignStudioInput): Promise<StudioAssignmentPayload> {
    const identity = adminOnly(ctx);
    return payload(await ctx.services.studioAssignments.assign(identity, input), ctx);
  }

  @Mutation(() => StudioAssignmentPayload, {
    description: 'ADMIN: ends an assignment on endsOn (today by default), between its first and its current last day.',
  })
  async endStudioAssignment(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('endsOn', () => LocalDateScalar, { nullable: true }) endsOn?: string | null,
  ): Promise<StudioAssignmentPayload> {
    adminOnly(ctx);
    return payload(await ctx.services.studioAssignments.end(id, endsOn), ctx);
  }

  @FieldResolver(() => Studio)
  async studio(@Root() assignment: StudioAssignment, @Ctx() ctx: Context): Promise<Studio> {
    // studio_assignment.studio_id is a foreign key: the studio exists.
    return (await ctx.loaders.studioById.load(assignment.studioId))!;
  }

  @FieldResolver(() => Artist)
  async artist(@Root() assignment: StudioAssignment, @Ctx() ctx: Context): Promise<Artist> {
    return (await ctx.loaders.artistById.load(assignment.artistId))!;
  }
}
