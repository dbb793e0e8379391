import { referenceRows as tenants } from '../services/tenants/src/reference-data';
import { referenceRows as coworking } from '../services/coworking/src/reference-data';
import { referenceRows as gallery } from '../services/gallery/src/reference-data';

/** The reference data of each subgraph: exactly what the real house is made of, and only ever added, never updated. */
describe('reference rows', () => {
  it('are the house, cuisine and terrasse, espace-ko and le-vivoir with their offices, the plans and the studios', () => {
    expect(tenants.map((r) => r.key)).toEqual([
      'house:la-maison',
      'shared-space:cuisine',
      'shared-space:terrasse',
      'tenant:espace-ko',
      'office:espace-ko/rdc',
      'tenant:le-vivoir',
      'office:le-vivoir/galerie',
      'office:le-vivoir/ateliers',
    ]);
    expect(coworking.map((r) => r.key)).toEqual([
      'membership-plan:DAY_PASS',
      'membership-plan:TEN_DAY_CARD',
      'membership-plan:PART_TIME_MONTHLY',
      'membership-plan:FULL_TIME_MONTHLY',
    ]);
    expect(gallery.map((r) => r.key)).toEqual(['studio:atelier-du-fleuve', 'studio:atelier-du-bois', 'studio:atelier-de-la-terre']);
  });

  it.each([
    ['tenants', tenants],
    ['coworking', coworking],
    ['gallery', gallery],
  ])('of %s each insert one row when it is missing and change nothing otherwise', (_, rows) => {
    for (const row of rows) {
      expect(row.sql.trim()).toMatch(/^INSERT INTO [a-z_]+ /);
      expect(row.sql).toMatch(/ON CONFLICT DO NOTHING$/);
      expect(row.sql).not.toMatch(/UPDATE|DELETE|DO UPDATE/i);
      expect(row.params[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });
});
