import { readFileSync } from 'node:fs';
import { composeSupergraph, generateSdl } from '../scripts/src/composition';
import { sdlPath, SUBGRAPHS, SUPERGRAPH_PATH } from '../scripts/src/services';

/** Generated artefacts are committed; these tests fail when they drift from the code (run `npm run compose`). */
describe('composition', () => {
  it.each(SUBGRAPHS.map((s) => s.name))('the committed SDL of %s is what its code generates', (name) => {
    expect(readFileSync(sdlPath(name), 'utf8')).toBe(generateSdl(name));
  });

  it('composes the committed SDL files into the committed supergraph', () => {
    expect(composeSupergraph()).toBe(readFileSync(SUPERGRAPH_PATH, 'utf8'));
  });

  it('fails with the composition errors when two subgraphs disagree', () => {
    const broken = (name: string) => {
      const sdl = readFileSync(sdlPath(name), 'utf8');
      // A value type field that two subgraphs define without @shareable cannot compose.
      return name === 'gallery' ? `${sdl}\ntype Tenant @key(fields: "id") { id: ID! slug: String! }\n` : sdl;
    };
    expect(() => composeSupergraph(broken)).toThrow(/composition failed:[\s\S]*slug/);
  });

  it('links federation between v2.3 and v2.7 in every subgraph', () => {
    for (const { name } of SUBGRAPHS) {
      expect(readFileSync(sdlPath(name), 'utf8')).toMatch(/https:\/\/specs\.apollo\.dev\/federation\/v2\.[3-7]"/);
    }
  });
});
