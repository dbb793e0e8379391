import { isAdmin, type Identity } from '@maison/auth';
import type { Lang } from '@maison/config';
import { badUserInput, forbidden, UserErrorCode } from '@maison/errors';
import { ok, type Outcome, refuse, type RuleViolation, signedIn } from '@maison/house';
import type { Context } from './context';
import { ownMemberId } from './modules/member/member.access';

/**
 * The member id a caller asks to act for: ADMIN names any member (BAD_USER_INPUT without one), anyone
 * else acts only for the member of their identity. Acting for someone else is FORBIDDEN, as is having
 * no member id. Whether that member exists is actingMember's question.
 */
export function memberAskedFor(identity: Identity, memberId: string | null | undefined, lang: Lang): string {
  signedIn({ identity, lang });
  const own = identity.memberId?.toLowerCase();
  const asked = memberId?.toLowerCase();
  if (isAdmin(identity)) {
    const id = asked ?? own;
    if (!id) throw badUserInput(lang, 'MEMBER_ID_REQUIRED');
    return id;
  }
  if (!own) throw forbidden(lang, 'MEMBERS_OF_ESPACE_KO_ONLY');
  if (asked && asked !== own) throw forbidden(lang);
  return own;
}

/** UNKNOWN_HOLDER: on the argument ADMIN named (`field`), or on none when the token names the member. */
export function unknownMember(namedByArgument: boolean, field: string[]): RuleViolation {
  return namedByArgument ? { code: UserErrorCode.UNKNOWN_HOLDER, field } : { code: UserErrorCode.UNKNOWN_HOLDER };
}

/**
 * The member a caller acts for (memberAskedFor), once the request's member loader has found it:
 * a member id that names nobody answers UNKNOWN_HOLDER, never NOT_FOUND nor a later refusal.
 */
export async function actingMember(ctx: Context, memberId: string | null | undefined, field: string[]): Promise<Outcome<string>> {
  const id = memberAskedFor(ctx.identity, memberId, ctx.lang);
  if (await ctx.loaders.memberById.load(id)) return ok(id);
  return refuse(unknownMember(isAdmin(ctx.identity) && memberId != null, field));
}

/**
 * For what any signed-in caller may do or read (RSVPs, who is present): when the token names a member,
 * that member must exist. UNKNOWN_HOLDER when it does not, null otherwise (no member id, or a known one).
 */
export async function unknownTokenMember(ctx: Context): Promise<RuleViolation | null> {
  const own = ctx.identity.memberId;
  if (!own || (await ctx.loaders.memberById.load(own.toLowerCase()))) return null;
  return unknownMember(false, []);
}

/**
 * The member of the token, for what a member does to themself only (updateMyProfile): FORBIDDEN for a
 * token naming no member (ADMIN included), UNKNOWN_HOLDER when it names nobody.
 */
export async function tokenMember(ctx: Context): Promise<Outcome<string>> {
  signedIn(ctx);
  if (!ctx.identity.memberId) throw forbidden(ctx.lang, 'MEMBERS_OF_ESPACE_KO_ONLY');
  const own = ownMemberId(ctx.identity);
  if (own && (await ctx.loaders.memberById.load(own))) return ok(own);
  return refuse(unknownMember(false, []));
}
