import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Messages a client reads live in one registry (packages/errors/src/registry): no code chooses
 * French or English words inline, and French/English pairs appear only in files of data.
 */
const ROOT = path.resolve(__dirname, '..');
const REGISTRY = 'packages/errors/src/registry/';

/** `lang === 'fr' ? … : …`, `'en' === lang ? …`: words picked by language in place. */
const LANG_TERNARY = /\blang\w*\s*[!=]==?\s*['"](fr|en)['"]\s*\?|['"](fr|en)['"]\s*[!=]==?\s*\w*lang\w*\s*\?/i;
/** `{ fr: '…', en: '…' }`: texts in both languages. */
const FR_EN_TEXT = /\b(fr|en):\s*['"`]/;
/** A GraphQL error or an answer whose message is written where it is thrown. */
const LITERAL_MESSAGE = /new GraphQLError\(\s*['"`]|\bmessage:\s*['"`]/;

/** Files of data, whose texts in both languages are not messages (names, labels, seed). */
const DATA_FILES: Record<string, string> = {
  'services/tenants/src/reference-data.ts': 'reference data: the house, spaces, espace-ko and le-vivoir',
  'services/tenants/src/demo-data.ts': 'demo data: the other tenants',
  'services/coworking/src/reference-data.ts': 'reference data: plans',
  'services/coworking/src/demo-data.ts': 'demo data: members, events',
  'services/gallery/src/reference-data.ts': 'reference data: studios',
  'services/gallery/src/seed-data.ts': 'demo data: artists, artworks, exhibitions',
  'services/gallery/src/modules/exhibition/venue.ts': 'the name of a venue shown as a place',
  'services/gallery/src/modules/artwork/price-label.ts': 'the label shown in place of a price',
  'packages/house/src/money.ts': 'locales of Intl.NumberFormat, not words',
};
/** Errors without a code: faults of the house, which every subgraph and the gateway mask in production. */
const INTERNAL_FAULTS: Record<string, string> = {
  'packages/kit/src/scalar-types.ts': 'a DateTime that cannot be serialized (a bug, masked)',
  'packages/kit/src/service-client.ts': 'a failed service-to-service call (masked, its cause logged)',
};

const isSource = (file: string) =>
  file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts') && !/test-fixtures\.ts$|\/test-support\//.test(file);

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'dist' ? [] : sources(file);
    return isSource(file) ? [file] : [];
  });
}

const packages = readdirSync(path.join(ROOT, 'packages')).filter((p) => p !== 'testing'); // testing: fixtures only
const services = readdirSync(path.join(ROOT, 'services'));
const FILES = [...services.map((s) => `services/${s}/src`), 'gateway/src', ...packages.map((p) => `packages/${p}/src`)]
  .flatMap(sources)
  .filter((file) => !file.startsWith(REGISTRY));

/** Each line of the code base that matches, as file:line: text. */
function offending(pattern: RegExp, allowed: Record<string, string> = {}): string[] {
  return FILES.filter((file) => !(file in allowed)).flatMap((file) =>
    readFileSync(path.join(ROOT, file), 'utf8')
      .split('\n')
      .flatMap((line, i) => (pattern.test(line) && !/^\s*(\/\/|\*|\/\*)/.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
  );
}

describe('messages written in one place', () => {
  it('reads the source of every subgraph, the gateway and the packages', () => {
    expect(FILES).toEqual(expect.arrayContaining(['gateway/src/gateway.ts', 'packages/kit/src/subgraph.ts', 'services/gallery/src/modules/common/lookup.ts']));
    for (const file of [...Object.keys(DATA_FILES), ...Object.keys(INTERNAL_FAULTS)]) expect(FILES).toContain(file);
  });

  it('knows the shapes it refuses', () => {
    expect(["lang === 'fr' ? 'Fenêtre' : 'Window'", "ctx.lang !== 'en' ? a : b", "'fr' === lang ? a : b"].map((s) => LANG_TERNARY.test(s))).toEqual([
      true,
      true,
      true,
    ]);
    expect(LANG_TERNARY.test("const lang: Lang = 'fr';")).toBe(false);
    expect([FR_EN_TEXT.test("{ fr: 'Introuvable.', en: 'Not found.' }"), FR_EN_TEXT.test('{ fr: string }')]).toEqual([true, false]);
    expect(
      ["throw new GraphQLError('Malformed JSON body.')", "errors: [{ message: 'Malformed JSON body.' }]", 'message: codeMessage(code)'].map((s) =>
        LITERAL_MESSAGE.test(s),
      ),
    ).toEqual([true, true, false]);
  });

  it('picks no words by language in the code: the registry does', () => {
    expect(offending(LANG_TERNARY)).toEqual([]);
  });

  it('writes texts in both languages only in the registry and in files of data', () => {
    expect(offending(FR_EN_TEXT, DATA_FILES)).toEqual([]);
  });

  it('writes no message where an error is thrown or answered, but for faults that are masked', () => {
    expect(offending(LITERAL_MESSAGE, INTERNAL_FAULTS)).toEqual([]);
  });
});
