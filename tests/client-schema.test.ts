import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { clientSchemaOf, undocumentedScalars } from '../scripts/src/client-schema';
import { CLIENT_SCHEMA_PATH, SUPERGRAPH_PATH } from '../scripts/src/services';

/** schema/client.graphql: the gateway's API schema, committed; `npm run compose` regenerates it. */
const committed = () => readFileSync(CLIENT_SCHEMA_PATH, 'utf8');

describe('schema/client.graphql', () => {
  it('is the API schema of the committed supergraph (run `npm run compose` when this fails)', () => {
    expect(committed()).toBe(clientSchemaOf(readFileSync(SUPERGRAPH_PATH, 'utf8')));
  });

  it('holds no federation machinery and nothing @inaccessible', () => {
    const sdl = committed();
    for (const hidden of ['join__', 'link__', '@link', '@key', '_entities', '_Service', 'CacheControlScope', 'holdSharedSpace', 'HoldSharedSpaceInput']) {
      expect(sdl).not.toContain(hidden);
    }
    // A valid schema on its own: a client's code generator can read it.
    expect(buildSchema(sdl).getQueryType()?.getFields().calendar).toBeDefined();
  });

  it('keeps the descriptions', () => {
    expect(committed()).toContain('"""The shared spaces of the house."""\n  sharedSpaces: [SharedSpace!]!');
  });

  it('documents the format of every custom scalar, by a description or @specifiedBy', () => {
    const sdl = committed();
    expect(sdl).toMatch(/scalar DateTime\b/);
    expect(sdl).toMatch(/scalar LocalDate\b/);
    expect(undocumentedScalars(sdl)).toEqual([]);
  });

  it('names a custom scalar that has neither a description nor @specifiedBy', () => {
    const sdl = `
      type Query { a: Url b: Duration c: Colour d: Blank }
      scalar Url @specifiedBy(url: "https://url.spec.whatwg.org/")
      "ISO 8601 duration, e.g. PT1H30M."
      scalar Duration
      scalar Colour
      """   """
      scalar Blank
    `;
    expect(undocumentedScalars(sdl)).toEqual(['Colour', 'Blank']);
  });
});
