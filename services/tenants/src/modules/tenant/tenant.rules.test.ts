import { validateTenant, type TenantFields } from './tenant.rules';
import { TenantKind } from './tenant.entity';

const valid: TenantFields = {
  slug: 'atelier-bois',
  name: { fr: 'Atelier du bois', en: 'Wood workshop' },
  kind: TenantKind.PROFESSIONAL,
  profession: null,
  description: null,
  contactEmail: null,
  contactPhone: null,
  website: null,
};
const faults = (f: Partial<TenantFields>) => validateTenant({ ...valid, ...f }).violations.map((v) => [v.field!.join('.'), v.params?.reason]);

describe('the rules of a tenant', () => {
  it('accepts a valid tenant and cleans it: trimmed, NFC, blank optional strings as null', () => {
    const { draft, violations } = validateTenant({
      ...valid,
      slug: ' atelier-bois ',
      name: { fr: ' Cafe\u0301 ', en: '  ' },
      contactEmail: '   ',
      website: ' https://bois.example ',
    });
    expect(violations).toEqual([]);
    expect(draft).toEqual({ ...valid, name: { fr: 'Café' }, contactEmail: null, website: 'https://bois.example' });
  });

  it('takes a slug of a-z, 0-9 and single hyphens, 60 characters at most', () => {
    expect(faults({ slug: 'a'.repeat(60) })).toEqual([]);
    expect(faults({ slug: 'a1-b2-c3' })).toEqual([]);
    for (const slug of ['a'.repeat(61), '', 'Atelier', 'atelier--bois', '-atelier', 'atelier-', 'atelier bois', 'café']) {
      expect([slug, faults({ slug })]).toEqual([slug, [['input.slug', 'SLUG_FORMAT']]]);
    }
  });

  it('requires a French name of 1 to 200 characters, and bounds the other texts', () => {
    expect(faults({ name: { fr: 'é'.repeat(200), en: 'e'.repeat(200) } })).toEqual([]);
    expect(faults({ name: { fr: '   ' } })).toEqual([['input.name.fr', 'FRENCH_REQUIRED']]);
    expect(faults({ name: { fr: 'x'.repeat(201) } })).toEqual([['input.name.fr', 'MAX_CHARACTERS']]);
    expect(faults({ name: { fr: 'x', en: 'y'.repeat(201) } })).toEqual([['input.name.en', 'MAX_CHARACTERS']]);
    expect(faults({ name: { fr: 'a\u0007b' } })).toEqual([['input.name.fr', 'CONTROL_CHARACTERS']]);
    expect(faults({ profession: { fr: 'p'.repeat(100) } })).toEqual([]);
    expect(faults({ profession: { fr: 'p'.repeat(101) } })).toEqual([['input.profession.fr', 'MAX_CHARACTERS']]);
    expect(faults({ description: { fr: `ligne 1\nligne 2\t${'d'.repeat(1980)}` } })).toEqual([]);
    expect(faults({ description: { fr: 'd'.repeat(2001) } })).toEqual([['input.description.fr', 'MAX_CHARACTERS']]);
    expect(faults({ description: { fr: 'un \uD800 seul' } })).toEqual([['input.description.fr', 'INVALID_CHARACTERS']]);
  });

  it('checks the shapes of the contact the way the CHECKs of the migrations do', () => {
    expect(faults({ contactEmail: 'bonjour@bois.example', contactPhone: '+1 (418) 555-0101', website: 'http://bois.example/a' })).toEqual([]);
    expect(faults({ contactEmail: `${'a'.repeat(241)}@bois.example` })).toEqual([]);
    expect(faults({ contactEmail: `${'a'.repeat(242)}@bois.example` })).toEqual([['input.contactEmail', 'EMAIL']]);
    for (const contactEmail of ['bonjour', 'a@b', 'a b@c.d', 'a@@b.c', 'a@b.c\u0000'])
      expect(faults({ contactEmail })).toEqual([['input.contactEmail', 'EMAIL']]);
    expect(faults({ contactPhone: '1234567' })).toEqual([]);
    expect(faults({ contactPhone: '1'.repeat(25) })).toEqual([]);
    for (const contactPhone of ['123456', '1'.repeat(26), '418 555 01 01 poste 2', '++1 418 555 0101']) {
      expect([contactPhone, faults({ contactPhone })]).toEqual([contactPhone, [['input.contactPhone', 'PHONE']]]);
    }
    for (const website of ['bois.example', 'ftp://bois.example', 'https://', `https://bois.example/${'p'.repeat(2000)}`, 'https://bois.example/\u0085']) {
      expect([website, faults({ website })]).toEqual([website, [['input.website', 'HTTP_URL']]]);
    }
  });

  it('reports every fault at once, each at its path', () => {
    expect(faults({ slug: 'X', name: { fr: '' }, contactEmail: 'x', contactPhone: 'x', website: 'x' }).map(([path]) => path)).toEqual([
      'input.slug',
      'input.name.fr',
      'input.contactEmail',
      'input.contactPhone',
      'input.website',
    ]);
  });
});
