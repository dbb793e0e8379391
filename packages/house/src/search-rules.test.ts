import { GraphQLError } from 'graphql';
import { searchPattern } from './search-rules';

const refusal = (search: string, lang: 'fr' | 'en' = 'fr') => {
  try {
    searchPattern(search, lang);
  } catch (error) {
    return error instanceof GraphQLError ? [error.extensions.code, error.message] : String(error);
  }
  return null;
};

describe('the pattern of a text search (members, artworks)', () => {
  it('looks for the cleaned text anywhere, its wildcards taken literally', () => {
    expect(searchPattern('  Céramique ', 'fr')).toBe('%Céramique%');
    expect(searchPattern('100%', 'fr')).toBe('%100\\%%');
    expect(searchPattern('a_b\\c', 'fr')).toBe('%a\\_b\\\\c%');
    expect(searchPattern('e\u0301te', 'fr')).toBe('%éte%');
  });

  it('takes 2 to 100 printable characters: BAD_USER_INPUT otherwise, in French or English', () => {
    expect(refusal('ab')).toBeNull();
    expect(refusal('é'.repeat(100))).toBeNull();
    expect(refusal('a')).toEqual(['BAD_USER_INPUT', 'Argument invalide. search : 2 à 100 caractères imprimables.']);
    expect(refusal('  a  ', 'en')).toEqual(['BAD_USER_INPUT', 'Invalid argument. search: 2 to 100 printable characters.']);
    expect(refusal('x'.repeat(101))).toEqual(['BAD_USER_INPUT', expect.any(String)]);
    expect(refusal('ab\u0000')).toEqual(['BAD_USER_INPUT', expect.any(String)]);
  });
});
