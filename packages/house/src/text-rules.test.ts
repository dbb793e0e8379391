import { errorsOf } from './outcome';
import { cleanText, cleanTexts, textFault } from './text-rules';

describe('text rules', () => {
  it('refuses control characters and the line separators in a one-line text', () => {
    for (const bad of ['a\u0000b', 'a\u0007b', 'a\nb', 'a\tb', 'a\rb', 'a\u007fb', 'a\u0085b', 'a\u009fb', 'a\u2028b', 'a\u2029b']) {
      expect(textFault(bad)).toBe('control');
    }
    expect(textFault('Dîner partagé 🍲 « cuisine » — 5 à 7')).toBeNull();
  });

  it('lets a multi-line text keep tabs and line breaks, nothing else of the kind', () => {
    expect(textFault('Ligne un\nLigne deux\tfin\r\nTrois', { multiline: true })).toBeNull();
    for (const bad of ['a\u0000b', 'cloche \u0007', 'a\u000bb', 'a\u000cb', 'a\u007fb', 'a\u0085b', 'a\u2028b', 'a\u2029b']) {
      expect(textFault(bad, { multiline: true })).toBe('control');
    }
  });

  it('refuses half of a surrogate pair, at either end or alone, and keeps whole pairs', () => {
    for (const bad of ['\uD800', 'a\uD83Db', '\uDC00a', 'a\uDF72', '\uDF72\uD83C']) expect(textFault(bad)).toBe('surrogate');
    expect(textFault('\uD83C\uDF72')).toBeNull();
    expect(textFault('\uD83C\uDF72', { multiline: true })).toBeNull();
  });

  it('cleans a title (NFC, trimmed) and refuses it blank, too long or faulty, one reason at a time', () => {
    expect(cleanText('  Cafe\u0301 ', ['input', 'title'], 200)).toEqual({ text: 'Café', violation: null });
    expect(cleanText('é'.repeat(200), ['input', 'title'], 200).violation).toBeNull();
    const reason = (value: string) => cleanText(value, ['input', 'title'], 200).violation?.params?.reason;
    expect(reason('   ')).toBe('LENGTH_BETWEEN');
    expect(cleanText('é'.repeat(201), ['input', 'title'], 200).violation?.params).toEqual({ field: 'title', reason: 'LENGTH_BETWEEN', min: 1, max: 200 });
    expect(reason('a\u0000b')).toBe('CONTROL_CHARACTERS');
    expect(reason('a\uD800')).toBe('INVALID_CHARACTERS');
    expect(cleanText('a\uD800', ['input', 'title'], 200).violation).toEqual({
      code: 'INVALID_INPUT',
      field: ['input', 'title'],
      params: { field: 'title', reason: 'INVALID_CHARACTERS' },
    });
  });

  it('cleans a text in both languages: French required, a blank English dropped, every language checked', () => {
    expect(cleanTexts({ fr: ' Cafe\u0301 ', en: '  ' }, ['input', 'title'], { max: 10 })).toEqual({ texts: { fr: 'Café' }, violations: [] });
    expect(cleanTexts({ fr: 'Titre', en: ' Title ' }, ['input', 'title'], { max: 10 }).texts).toEqual({ fr: 'Titre', en: 'Title' });
    const fields = (input: { fr: string; en?: string | null }, multiline = false) =>
      errorsOf(cleanTexts(input, ['input', 'description'], { max: 10, multiline }).violations, 'en').map((e) => `${e.field!.join('.')}: ${e.message}`);
    expect(fields({ fr: ' ', en: 'English' })).toEqual(['input.description.fr: The value of "description.fr" is invalid: French is required.']);
    expect(fields({ fr: 'x'.repeat(11), en: 'a\uD800' })).toEqual([
      'input.description.fr: The value of "description.fr" is invalid: at most 10 characters.',
      'input.description.en: The value of "description.en" is invalid: invalid characters.',
    ]);
    expect(fields({ fr: 'un\ndeux' })).toEqual(['input.description.fr: The value of "description.fr" is invalid: control characters.']);
    expect(fields({ fr: 'un\ndeux' }, true)).toEqual([]);
  });
});
