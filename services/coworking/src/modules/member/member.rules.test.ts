import { UserErrorCode } from '@maison/errors';
import { cleanEmail, cleanPhone, validateMemberFields } from './member.rules';

const TODAY = '2026-12-01';
const codesAt = (violations: { code: UserErrorCode; field?: string[] }[]) => violations.map((v) => `${v.code}@${v.field?.join('.') ?? ''}`);

describe('member rules', () => {
  it('cleans a whole member: NFC, trimmed, English left out when blank', () => {
    const { fields, violations } = validateMemberFields(
      {
        displayName: '  He\u0301le\u0300ne Roy ',
        email: ' helene@exemple.ca ',
        phone: ' +1 418 555-0199 ',
        profession: { fr: ' Céramiste ', en: '  ' },
        shortBio: { fr: 'Ligne 1\nLigne 2' },
        isPublic: false,
        joinedOn: TODAY,
      },
      TODAY,
    );
    expect(violations).toEqual([]);
    expect(fields).toEqual({
      displayName: 'Hélène Roy',
      email: 'helene@exemple.ca',
      phone: '+1 418 555-0199',
      profession: { fr: 'Céramiste' },
      shortBio: { fr: 'Ligne 1\nLigne 2' },
      isPublic: false,
      joinedOn: TODAY,
    });
  });

  it('keeps only the fields given; null clears the optional ones and is refused for the required ones', () => {
    expect(validateMemberFields({ phone: null, profession: null, shortBio: null }, TODAY)).toEqual({
      fields: { phone: null, profession: null, shortBio: null },
      violations: [],
    });
    expect(codesAt(validateMemberFields({ displayName: null, email: null, isPublic: null, joinedOn: null }, TODAY).violations)).toEqual([
      'INVALID_INPUT@input.displayName',
      'INVALID_INPUT@input.email',
      'INVALID_INPUT@input.isPublic',
      'INVALID_INPUT@input.joinedOn',
    ]);
    expect(validateMemberFields({}, TODAY)).toEqual({ fields: {}, violations: [] });
  });

  it.each([
    ['a', true],
    ['a'.repeat(120), true],
    ['é'.repeat(120), true],
    ['a'.repeat(121), false],
    ['   ', false],
    ['', false],
    ['Nom\u0000', false],
    ['Nom\u0007x', false],
    ['Nom\uD800', false],
  ])('displayName %j is accepted: %s', (displayName, ok) => {
    expect(validateMemberFields({ displayName }, TODAY).violations.length === 0).toBe(ok);
  });

  it.each([
    ['a@b.ca', true],
    ['A.B+c@sous.domaine.qc.ca', true],
    [`${'a'.repeat(243)}@exemple.ca`, true],
    [`${'a'.repeat(244)}@exemple.ca`, false],
    ['pas-une-adresse', false],
    ['a@b', false],
    ['a b@c.ca', false],
    ['a@@b.ca', false],
    ['a@b.ca\u0000', false],
  ])('email %j is accepted: %s', (email, ok) => {
    expect(cleanEmail(email).violation === null).toBe(ok);
  });

  it.each([
    ['4185550199', true],
    ['+1 (418) 555-0199', true],
    ['555.0199', true],
    ['123456', false],
    ['1234567', true],
    ['+1 418 555 0199 0000 0000 0', false],
    ['+1 418 555 0199 0000 0000', true],
    ['------- ', false],
    ['418-555-ABCD', false],
    ['++14185550199', false],
  ])('phone %j is accepted: %s', (phone, ok) => {
    expect(cleanPhone(phone).violation === null).toBe(ok);
  });

  it('bounds the texts: profession 100, shortBio 500 characters per language, French required', () => {
    expect(validateMemberFields({ profession: { fr: 'x'.repeat(100), en: 'y'.repeat(100) } }, TODAY).violations).toEqual([]);
    expect(codesAt(validateMemberFields({ profession: { fr: 'x'.repeat(101), en: 'y'.repeat(101) } }, TODAY).violations)).toEqual([
      'INVALID_INPUT@input.profession.fr',
      'INVALID_INPUT@input.profession.en',
    ]);
    expect(validateMemberFields({ shortBio: { fr: 'x'.repeat(500) } }, TODAY).violations).toEqual([]);
    expect(codesAt(validateMemberFields({ shortBio: { fr: 'x'.repeat(501) } }, TODAY).violations)).toEqual(['INVALID_INPUT@input.shortBio.fr']);
    expect(codesAt(validateMemberFields({ shortBio: { fr: ' ', en: 'Bio' } }, TODAY).violations)).toEqual(['INVALID_INPUT@input.shortBio.fr']);
    // A profession is one line; a biography may break lines.
    expect(codesAt(validateMemberFields({ profession: { fr: 'a\nb' } }, TODAY).violations)).toEqual(['INVALID_INPUT@input.profession.fr']);
  });

  it('joinedOn is today at the latest', () => {
    expect(validateMemberFields({ joinedOn: TODAY }, TODAY).violations).toEqual([]);
    expect(validateMemberFields({ joinedOn: '1999-01-31' }, TODAY).violations).toEqual([]);
    expect(codesAt(validateMemberFields({ joinedOn: '2026-12-02' }, TODAY).violations)).toEqual(['INVALID_INPUT@input.joinedOn']);
  });
});
