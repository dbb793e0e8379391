import { isEmail, isHttpUrl, isPhone, isSlug, slugFault } from './record-rules';

describe('the shapes of records', () => {
  it('takes a slug of a-z, 0-9 and single hyphens, within its length', () => {
    expect(['cuisine', 'espace-ko', 'a1-b2'].map((s) => isSlug(s, 60))).toEqual([true, true, true]);
    expect(['Cuisine', '-ko', 'ko-', 'a--b', 'é', '', 'a b'].map((s) => isSlug(s, 60))).toEqual([false, false, false, false, false, false, false]);
    expect([isSlug('a'.repeat(60), 60), isSlug('a'.repeat(61), 60)]).toEqual([true, false]);
    expect(slugFault('Bad', ['input', 'slug'], 60)).toMatchObject({ field: ['input', 'slug'], params: { reason: 'SLUG_FORMAT', max: 60 } });
    expect(slugFault('good', ['input', 'slug'], 60)).toBeNull();
  });

  it('takes an email with one @ and a dot in its domain, within its length', () => {
    expect(['a@b.ca', 'bonjour@poterie.example'].map((e) => isEmail(e))).toEqual([true, true]);
    expect(['a@b', 'a b@c.ca', 'a@@b.ca', '@b.ca'].map((e) => isEmail(e))).toEqual([false, false, false, false]);
    expect([isEmail(`${'a'.repeat(249)}@b.ca`), isEmail(`${'a'.repeat(250)}@b.ca`)]).toEqual([true, false]);
  });

  it('takes a phone number of 7 to 25 characters with at least 7 digits', () => {
    expect(['+1 418 555-0101', '(418) 555.0101', '5550101'].map(isPhone)).toEqual([true, true, true]);
    expect(['555-010', '+1 (---) ---', 'abc5550101', '1'.repeat(26)].map(isPhone)).toEqual([false, false, false, false]);
  });

  it('takes http and https URLs with a host only', () => {
    expect(['https://boreal.example', 'http://a.b/c?d'].map(isHttpUrl)).toEqual([true, true]);
    expect(['ftp://a.b', 'https://', 'javascript:alert(1)', 'boreal.example'].map(isHttpUrl)).toEqual([false, false, false, false]);
  });
});
