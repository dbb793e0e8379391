import { Arg, Ctx, Directive, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { assumedSize } from '@maison/kit';
import { adminOnly, errorsOf } from '@maison/house';
import { isAdmin } from '@maison/auth';
import type { Context } from '../../context';
import { SharedSpace } from './shared-space.entity';
import { spaceRulesOf } from './space-rules.snapshot';
import type { SpaceOutcome } from './space-admin.service';
import { CreateSharedSpaceInput, SharedSpacePayload, SpaceRulesChange, SpaceRulesInput, UpdateSharedSpaceInput, UpdateSpaceRulesPayload } from './space.input';

const rulesPayload = (outcome: SpaceOutcome, ctx: Context) =>
  Object.assign(new UpdateSpaceRulesPayload(), { space: outcome.space, conflicts: outcome.conflicts, userErrors: errorsOf(outcome.errors, ctx.lang) });

/** ADMIN's management of the shared spaces and their rules, and the history of those rules. */
@Resolver(() => SharedSpace)
export class SpaceAdminResolver {
  @Mutation(() => SharedSpacePayload, { description: 'ADMIN: a new shared space; its rules need openingHours, the others have defaults.' })
  async createSharedSpace(@Ctx() ctx: Context, @Arg('input', () => CreateSharedSpaceInput) input: CreateSharedSpaceInput): Promise<SharedSpacePayload> {
    adminOnly(ctx);
    const outcome = await ctx.services.spaceAdmin.create(input);
    return Object.assign(new SharedSpacePayload(), { space: outcome.space, userErrors: errorsOf(outcome.errors, ctx.lang) });
  }

  @Mutation(() => UpdateSpaceRulesPayload, {
    description:
      'ADMIN: the texts and capacity of a shared space. A new capacity is a rule change: kept in rulesHistory, with the bookings above it as conflicts.',
  })
  async updateSharedSpace(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateSharedSpaceInput) input: UpdateSharedSpaceInput,
  ): Promise<UpdateSpaceRulesPayload> {
    const identity = adminOnly(ctx);
    return rulesPayload(await ctx.services.spaceAdmin.update(identity, id, input), ctx);
  }

  @Mutation(() => UpdateSpaceRulesPayload, {
    description:
      'ADMIN: changes the rules of a shared space for new bookings and moves. Existing bookings stay; those the new rules would not have allowed are listed as conflicts.',
  })
  async updateSpaceRules(
    @Ctx() ctx: Context,
    @Arg('spaceId', () => ID) spaceId: string,
    @Arg('rules', () => SpaceRulesInput) rules: SpaceRulesInput,
  ): Promise<UpdateSpaceRulesPayload> {
    const identity = adminOnly(ctx);
    return rulesPayload(await ctx.services.spaceAdmin.updateRules(identity, spaceId, rules), ctx);
  }

  // A space's rules change a few times a year.
  @Directive(assumedSize(10))
  @FieldResolver(() => [SpaceRulesChange], {
    nullable: true,
    description: 'Every change of the rules (capacity included), newest first. ADMIN only: null for others.',
  })
  async rulesHistory(@Root() space: SharedSpace, @Ctx() ctx: Context): Promise<SpaceRulesChange[] | null> {
    if (!isAdmin(ctx.identity)) return null;
    const rows = await ctx.loaders.rulesHistoryBySpace.load(space.id);
    return rows.map((r) => Object.assign(new SpaceRulesChange(), { at: r.at, actor: r.actor, before: spaceRulesOf(r.before), after: spaceRulesOf(r.after) }));
  }
}
