import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { DateTimeScalar } from '@maison/kit';
import { tr } from '@maison/house';
import type { Context } from '../../context';
import { canSeePrivateFieldsOf } from './member.access';
import { MemberContact } from './member-contact';
import { Member } from './member.entity';

/** The texts of a member in the caller's language, and what only the member and ADMIN read. */
@Resolver(() => Member)
export class MemberFields {
  @FieldResolver(() => String, { nullable: true, description: 'The trade, e.g. "Traductrice" / "Translator".' })
  profession(@Root() member: Member, @Ctx() ctx: Context): string | null {
    return tr(member.professionTexts, ctx.lang);
  }

  @FieldResolver(() => String, { nullable: true })
  shortBio(@Root() member: Member, @Ctx() ctx: Context): string | null {
    return tr(member.shortBioTexts, ctx.lang);
  }

  @FieldResolver(() => DateTimeScalar, {
    nullable: true,
    description: 'When ADMIN deactivated the member; null while active. Null for anyone but the member and ADMIN.',
  })
  deactivatedAt(@Root() member: Member, @Ctx() ctx: Context): Date | null {
    return canSeePrivateFieldsOf(member.id, ctx.identity) ? member.deactivatedSince : null;
  }

  @FieldResolver(() => MemberContact, {
    nullable: true,
    description: 'Email and phone: for the member themself and ADMIN only (null otherwise, and for a member whose email Espace KO does not have).',
  })
  contact(@Root() member: Member, @Ctx() ctx: Context): MemberContact | null {
    if (!member.email || !canSeePrivateFieldsOf(member.id, ctx.identity)) return null;
    return Object.assign(new MemberContact(), { email: member.email, phone: member.phone });
  }
}
