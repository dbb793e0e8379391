import { ArgsType, Directive, Field, InputType, Int, ObjectType } from 'type-graphql';
import { DEFAULT_PAGE_SIZE, LocalDateScalar, LocalizedTextInput, MAX_PAGE_SIZE, USER_ERRORS_SIZE, UserError } from '@maison/kit';
import { Member } from './member.entity';
import { SEARCH_BOUNDS } from '@maison/house';
import { MEMBER_BOUNDS } from './member.rules';

/** members(search, first, after), in the order of the public contract. */
@ArgsType()
export class MembersArgs {
  @Field(() => String, {
    nullable: true,
    description: `Members whose name or trade (French or English) contains this text, accents and case aside: ${SEARCH_BOUNDS.min} to ${SEARCH_BOUNDS.max} printable characters (BAD_USER_INPUT otherwise).`,
  })
  search?: string | null;

  @Field(() => Int, { nullable: true, description: `How many items, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string | null;
}

const NAME = `1 to ${MEMBER_BOUNDS.displayName} printable characters.`;
const EMAIL = `An email address, unique among members whatever its case (EMAIL_TAKEN); at most ${MEMBER_BOUNDS.email} characters.`;
const PHONE = 'Digits, spaces, ( ) . - and a leading +, 7 to 25 characters.';
const PROFESSION = `The trade: French required, each language at most ${MEMBER_BOUNDS.profession} characters.`;
const BIO = `French required, each language at most ${MEMBER_BOUNDS.shortBio} characters (line breaks allowed).`;

@InputType({ description: 'A new member of Espace KO.' })
export class CreateMemberInput {
  @Field(() => String, { description: NAME })
  displayName!: string;

  @Field(() => String, { description: EMAIL })
  email!: string;

  @Field(() => String, { nullable: true, description: PHONE })
  phone?: string | null;

  @Field(() => LocalizedTextInput, { nullable: true, description: PROFESSION })
  profession?: LocalizedTextInput | null;

  @Field(() => LocalizedTextInput, { nullable: true, description: BIO })
  shortBio?: LocalizedTextInput | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether everyone may see the member (false by default).' })
  isPublic?: boolean | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The day the member joined: today (house time) by default, never in the future.' })
  joinedOn?: string | null;
}

@InputType({
  description: 'ADMIN: the fields to change. Left out: unchanged; null clears phone, profession or shortBio (displayName, email and isPublic cannot be null).',
})
export class UpdateMemberInput {
  @Field(() => String, { nullable: true, description: NAME })
  displayName?: string | null;

  @Field(() => String, { nullable: true, description: EMAIL })
  email?: string | null;

  @Field(() => String, { nullable: true, description: PHONE })
  phone?: string | null;

  @Field(() => LocalizedTextInput, { nullable: true, description: PROFESSION })
  profession?: LocalizedTextInput | null;

  @Field(() => LocalizedTextInput, { nullable: true, description: BIO })
  shortBio?: LocalizedTextInput | null;

  @Field(() => Boolean, { nullable: true })
  isPublic?: boolean | null;
}

@InputType({ description: 'Your own profile: left out, unchanged; null clears phone, profession or shortBio. Your email is changed by ADMIN.' })
export class UpdateMyProfileInput {
  @Field(() => String, { nullable: true, description: NAME })
  displayName?: string | null;

  @Field(() => String, { nullable: true, description: PHONE })
  phone?: string | null;

  @Field(() => LocalizedTextInput, { nullable: true, description: PROFESSION })
  profession?: LocalizedTextInput | null;

  @Field(() => LocalizedTextInput, { nullable: true, description: BIO })
  shortBio?: LocalizedTextInput | null;

  @Field(() => Boolean, { nullable: true })
  isPublic?: boolean | null;
}

@ObjectType()
export class MemberPayload {
  @Field(() => Member, { nullable: true })
  member!: Member | null;

  @Directive(USER_ERRORS_SIZE)
  @Field(() => [UserError])
  userErrors!: UserError[];
}
