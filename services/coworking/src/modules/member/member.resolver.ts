import { Arg, Args, Ctx, Directive, ID, Mutation, Query, Resolver } from 'type-graphql';
import { CONNECTION_SIZE } from '@maison/kit';
import { adminOnly, errorsOf, refuse, type Outcome } from '@maison/house';
import type { Context } from '../../context';
import { tokenMember } from '../../acting-member';
import { Member, MemberConnection } from './member.entity';
import { CreateMemberInput, MemberPayload, MembersArgs, UpdateMemberInput, UpdateMyProfileInput } from './member.input';
import { loadVisibleMember } from './member.loader';

const payloadOf = (outcome: Outcome<Member>, ctx: Context) =>
  Object.assign(new MemberPayload(), { member: outcome.value, userErrors: errorsOf(outcome.errors, ctx.lang) });

@Resolver(() => Member)
export class MemberResolver {
  @Directive(CONNECTION_SIZE)
  @Query(() => MemberConnection, {
    description:
      'Members by name: the public ones for everyone (plus yourself), all for ADMIN; deactivated members are listed to ADMIN only. search: by name or trade, accents and case aside.',
  })
  async members(@Ctx() ctx: Context, @Args(() => MembersArgs) args: MembersArgs): Promise<InstanceType<typeof MemberConnection>> {
    return MemberConnection.from(await ctx.services.members.list(ctx.identity, args, ctx.lang));
  }

  @Query(() => Member, { nullable: true, description: 'Null when the member does not exist or is not visible to you.' })
  member(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Member | null> {
    return loadVisibleMember(ctx.loaders, ctx.identity, id);
  }

  @Mutation(() => MemberPayload, {
    description: 'ADMIN: a new member of Espace KO (non-public unless isPublic; joined today unless joinedOn). EMAIL_TAKEN when another member has the email.',
  })
  async createMember(@Ctx() ctx: Context, @Arg('input', () => CreateMemberInput) input: CreateMemberInput): Promise<MemberPayload> {
    adminOnly(ctx);
    return payloadOf(await ctx.services.memberAdmin.create(input), ctx);
  }

  @Mutation(() => MemberPayload, {
    description: 'ADMIN: changes the fields given of a member, active or deactivated. NOT_FOUND for an unknown id, EMAIL_TAKEN.',
  })
  async updateMember(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateMemberInput) input: UpdateMemberInput,
  ): Promise<MemberPayload> {
    adminOnly(ctx);
    return payloadOf(await ctx.services.memberAdmin.update(id, input), ctx);
  }

  @Mutation(() => MemberPayload, {
    description:
      'ADMIN: deactivates a member. Their history stays (memberships, check-ins, registrations); they are checked out if present, their registrations (confirmed or waitlisted) to events not yet started are cancelled, each freed seat going to the first person waiting, and they are no longer listed (members, coworkingOccupancy) to anyone but ADMIN. Until reactivated they cannot check in, register for events, buy a plan (MEMBER_DEACTIVATED), change their profile, or book a shared space (they have no membership in force: NOT_ELIGIBLE). ALREADY_DEACTIVATED, NOT_FOUND.',
  })
  async deactivateMember(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<MemberPayload> {
    adminOnly(ctx);
    return payloadOf(await ctx.services.memberAdmin.deactivate(id), ctx);
  }

  @Mutation(() => MemberPayload, {
    description:
      'ADMIN: lets a deactivated member in again; registrations cancelled at deactivation stay cancelled. NOT_DEACTIVATED for an active member, NOT_FOUND.',
  })
  async reactivateMember(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<MemberPayload> {
    adminOnly(ctx);
    return payloadOf(await ctx.services.memberAdmin.reactivate(id), ctx);
  }

  @Mutation(() => MemberPayload, {
    description:
      'Changes your own profile (the member of your token): FORBIDDEN for a token naming no member, UNKNOWN_HOLDER for one naming nobody, MEMBER_DEACTIVATED once deactivated.',
  })
  async updateMyProfile(@Ctx() ctx: Context, @Arg('input', () => UpdateMyProfileInput) input: UpdateMyProfileInput): Promise<MemberPayload> {
    const own = await tokenMember(ctx);
    const outcome = own.value ? await ctx.services.memberAdmin.update(own.value, input, { ownProfile: true }) : refuse<Member>(...own.errors);
    return payloadOf(outcome, ctx);
  }
}
