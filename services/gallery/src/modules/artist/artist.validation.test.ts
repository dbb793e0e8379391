import { validateArtist, type ArtistFields } from './artist.validation';

const artist: ArtistFields = { slug: null, name: 'Rose Bouchard', disciplines: [], bio: null, website: null, isPublic: true };
const faults = (f: Partial<ArtistFields>) => validateArtist({ ...artist, ...f }).violations.map((v) => [(v.field ?? []).join('.'), v.params?.reason]);

describe('the rules of an artist', () => {
  it('takes a name of 1 to 120 printable characters, cleaned', () => {
    expect(validateArtist({ ...artist, name: '  Rose\u0301 ' }).draft.name).toBe('Rosé');
    expect(faults({ name: 'n'.repeat(120) })).toEqual([]);
    expect(faults({ name: 'n'.repeat(121) })).toEqual([['input.name', 'LENGTH_BETWEEN']]);
    expect(faults({ name: '   ' })).toEqual([['input.name', 'LENGTH_BETWEEN']]);
    expect(faults({ name: 'Rose\u0000' })).toEqual([['input.name', 'CONTROL_CHARACTERS']]);
    expect(faults({ name: 'Rose\u2028Bouchard' })).toEqual([['input.name', 'CONTROL_CHARACTERS']]);
    expect(faults({ name: 'Rose \ud83c' })).toEqual([['input.name', 'INVALID_CHARACTERS']]);
  });

  it('takes http and https websites, nothing else; a blank one is none', () => {
    expect(faults({ website: 'http://rose.example' })).toEqual([]);
    expect(faults({ website: 'https://rose.example/atelier' })).toEqual([]);
    expect(validateArtist({ ...artist, website: '  ' }).draft.website).toBeNull();
    for (const website of ['ftp://rose.example', 'rose.example', 'HTTP://rose.example', 'javascript:alert(1)', 'https://']) {
      expect({ website, faults: faults({ website }) }).toEqual({ website, faults: [['input.website', 'HTTP_URL']] });
    }
  });

  it('takes at most 10 disciplines, each in French, and a bio of at most 5000 characters per language', () => {
    expect(faults({ disciplines: Array.from({ length: 10 }, () => ({ fr: 'Peinture' })) })).toEqual([]);
    expect(faults({ disciplines: Array.from({ length: 11 }, () => ({ fr: 'Peinture' })) })).toEqual([['input.disciplines', 'AT_MOST_ITEMS']]);
    expect(faults({ disciplines: [{ fr: 'Peinture' }, { fr: '', en: 'Painting' }] })).toEqual([['input.disciplines.1.fr', 'FRENCH_REQUIRED']]);
    expect(faults({ bio: { fr: 'Ligne un.\nLigne deux.' } })).toEqual([]);
    expect(faults({ bio: { fr: 'b', en: 'b'.repeat(5001) } })).toEqual([['input.bio.en', 'MAX_CHARACTERS']]);
  });

  it('takes a slug of a-z, 0-9 and single hyphens, at most 60', () => {
    expect(faults({ slug: ' rose-bouchard ' })).toEqual([]);
    for (const slug of ['Rose', 'rose_bouchard', 'x'.repeat(61)]) expect(faults({ slug })).toEqual([['input.slug', 'SLUG_FORMAT']]);
  });
});
