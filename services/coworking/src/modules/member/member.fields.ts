import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { tr } from '@maison/house';
import type { Context } from '../../context';
import { Member } from './member.entity';

/** The texts of a member in the caller's language. */
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
}
