import { randomUUID } from 'node:crypto';
import { admin, anonymous, asTenant, withRoles } from '@maison/testing';
import { memberAskedFor, unknownMember } from './acting-member';

/** Which member a caller asks to act for, before the request's loader says whether it exists. */
describe('memberAskedFor', () => {
  const own = randomUUID();
  const member = withRoles(`member:${own}`, ['MEMBER'], { memberId: own });
  const codeOf = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return (error as { extensions?: { code?: string } }).extensions?.code;
    }
    return 'NO ERROR';
  };

  it('is the member of the token, lowercased, for anyone but ADMIN', () => {
    expect(memberAskedFor(withRoles('m', ['MEMBER'], { memberId: own.toUpperCase() }), null, 'fr')).toBe(own);
    expect(memberAskedFor(member, own.toUpperCase(), 'fr')).toBe(own);
  });

  it('is the member ADMIN names, or else the member of their own token', () => {
    const named = randomUUID();
    expect(memberAskedFor(admin, named.toUpperCase(), 'fr')).toBe(named);
    expect(memberAskedFor(withRoles('a', ['ADMIN'], { memberId: own }), undefined, 'fr')).toBe(own);
  });

  it('refuses anonymous callers, another member, callers without a member and ADMIN naming nobody', () => {
    expect(codeOf(() => memberAskedFor(anonymous, null, 'fr'))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => memberAskedFor(member, randomUUID(), 'fr'))).toBe('FORBIDDEN');
    expect(codeOf(() => memberAskedFor(asTenant('acupuncture'), null, 'en'))).toBe('FORBIDDEN');
    expect(codeOf(() => memberAskedFor(admin, null, 'fr'))).toBe('BAD_USER_INPUT');
  });
});

describe('unknownMember', () => {
  it('points at the argument ADMIN named, and at no field when the token names the member', () => {
    expect(unknownMember(true, ['input', 'memberId'])).toEqual({ code: 'UNKNOWN_HOLDER', field: ['input', 'memberId'] });
    expect(unknownMember(false, ['memberId'])).toEqual({ code: 'UNKNOWN_HOLDER' });
  });
});
