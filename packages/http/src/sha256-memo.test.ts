import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Fuzz } from '@maison/testing';
import { createHashModules, installSha256Memo, rememberedHashes, rememberingCreateHash } from './sha256-memo';

const sha = (...parts: string[]) => parts.reduce((h, p) => h.update(p), createHash('sha256')).digest('hex');

describe('remembered SHA-256 of strings', () => {
  it('answers what node:crypto answers, for any text and any way of splitting it (a cut may split a surrogate pair)', () => {
    const fuzz = new Fuzz(15);
    for (let i = 0; i < 500; i++) {
      const text = `${fuzz.string()}${fuzz.int(0, 1e6)}`;
      const cut = fuzz.int(0, text.length);
      const parts = [text.slice(0, cut), text.slice(cut)];
      expect(rememberingCreateHash('sha256').update(text).digest('hex')).toBe(sha(text));
      expect(parts.reduce((h, p) => h.update(p), rememberingCreateHash('sha256')).digest('hex')).toBe(sha(...parts));
    }
  });

  it('never confuses two sequences of updates with the same characters', () => {
    const a = rememberingCreateHash('sha256').update('ab').update('c').digest('hex');
    const b = rememberingCreateHash('sha256').update('a').update('bc').digest('hex');
    expect(a).toBe(b); // the same bytes: the same digest…
    expect(rememberingCreateHash('sha256').update('2:ab').digest('hex')).toBe(sha('2:ab')); // …and a text that looks like a key is only itself
  });

  it('remembers each text once, and passes buffers, other encodings and other algorithms through', () => {
    const before = rememberedHashes();
    const text = `query Memo${Math.random()} { a }`;
    for (let i = 0; i < 3; i++) rememberingCreateHash('sha256').update(text).digest('hex');
    expect(rememberedHashes()).toBe(before + 1);
    expect(rememberingCreateHash('sha256').update(Buffer.from('xyz')).digest('hex')).toBe(sha('xyz'));
    expect(rememberingCreateHash('sha256').update('xyz').digest('base64')).toBe(createHash('sha256').update('xyz').digest('base64'));
    expect(rememberingCreateHash('sha512').update('xyz').digest('hex')).toBe(createHash('sha512').update('xyz').digest('hex'));
    expect(rememberedHashes()).toBe(before + 1);
  });

  it('is installed in the copies Apollo Server and Apollo Gateway load', () => {
    installSha256Memo();
    const files = createHashModules();
    expect(files.length).toBeGreaterThanOrEqual(1);
    for (const file of files) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      expect((require(file) as { createHash: unknown }).createHash).toBe(rememberingCreateHash);
    }
    // Apollo Server hashes each query text through it, and the gateway its plan key: if an upgrade stops, revisit this.
    const server = readFileSync(path.join(path.dirname(require.resolve('@apollo/server')), 'requestPipeline.js'), 'utf8');
    expect(server).toContain("(0, utils_createhash_1.createHash)('sha256').update(query).digest('hex')");
  });
});
