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

  it('links federation v2.9, the first with @cost and @listSize, in every subgraph', () => {
    for (const { name } of SUBGRAPHS) {
      const link = /@link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.(\d+)", import: \[([^\]]*)\]\)/.exec(readFileSync(sdlPath(name), 'utf8'));
      expect(link?.[1]).toBe('9');
      expect(link?.[2]).toContain('"@cost", "@listSize"');
    }
  });

  it('keeps the demand-control directives in the supergraph, under the cost spec', () => {
    const supergraph = readFileSync(SUPERGRAPH_PATH, 'utf8');
    expect(supergraph).toContain('@link(url: "https://specs.apollo.dev/cost/v0.1", import: ["@listSize"])');
    expect(supergraph).toMatch(/calendar\(from: LocalDate!, to: LocalDate!\): \[CalendarDay!\]! @join__field\(graph: TENANTS\) @listSize\(assumedSize: 92\)/);
    expect(supergraph).toMatch(
      /availability\(date: LocalDate!, durationMinutes: Int!\): \[TimeSlot!\]! @join__field\(graph: TENANTS\) @listSize\(assumedSize: 30\) @cost\(weight: 2\)/,
    );
  });
});
