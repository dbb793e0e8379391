import { ANONYMOUS, type Identity } from '@maison/auth';
import { adminOnly, signedIn } from './access';

const member: Identity = { sub: 'dev:member:ana', roles: ['MEMBER'], memberId: '00000000-0000-4000-8000-000000000001' };
const admin: Identity = { sub: 'dev:admin', roles: ['ADMIN'] };
const refused = (code: string, message?: string) => expect.objectContaining({ extensions: { code }, ...(message && { message }) });

describe('access', () => {
  it('lets a signed-in caller through and refuses an anonymous one, in their language', () => {
    expect(signedIn({ identity: member, lang: 'fr' })).toBe(member);
    expect(() => signedIn({ identity: ANONYMOUS, lang: 'fr' })).toThrow(refused('UNAUTHENTICATED', 'Authentification requise ou jeton invalide.'));
    expect(() => signedIn({ identity: ANONYMOUS, lang: 'en' })).toThrow(refused('UNAUTHENTICATED', 'Authentication required or invalid token.'));
  });

  it('lets ADMIN through: UNAUTHENTICATED when anonymous, FORBIDDEN for anyone else', () => {
    expect(adminOnly({ identity: admin, lang: 'fr' })).toBe(admin);
    expect(() => adminOnly({ identity: ANONYMOUS, lang: 'en' })).toThrow(refused('UNAUTHENTICATED'));
    expect(() => adminOnly({ identity: member, lang: 'en' })).toThrow(refused('FORBIDDEN', 'This action is not allowed.'));
  });
});
