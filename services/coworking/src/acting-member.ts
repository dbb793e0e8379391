import { isAdmin, type Identity } from '@maison/auth';
import type { Lang } from '@maison/config';
import { badUserInput, forbidden } from '@maison/errors';
import { signedIn } from '@maison/house';

/**
 * The member a caller acts for: ADMIN names any member (BAD_USER_INPUT without one), anyone else acts
 * only for the member of their identity. Acting for someone else is FORBIDDEN, as is having no member id.
 */
export function actingMember(identity: Identity, memberId: string | null | undefined, lang: Lang): string {
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
