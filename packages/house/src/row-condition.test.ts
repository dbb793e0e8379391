import { always, anyOf, equals, holds, isTrue, namedParameters, never, positionalParameters, sqlWhere, type RowCondition } from './row-condition';

interface Row {
  id: string;
  isPublic: boolean;
  owner: string | null;
}
const table = { alias: 'r', columns: { id: 'id', isPublic: 'is_public', owner: 'owner_sub' } };
const rows: Row[] = [
  { id: 'a', isPublic: true, owner: null },
  { id: 'b', isPublic: false, owner: 'ana' },
  { id: 'c', isPublic: false, owner: null },
];
const kept = (condition: RowCondition<Row>) => rows.filter((r) => holds(condition, r)).map((r) => r.id);

describe('row conditions', () => {
  it('hold on loaded rows', () => {
    expect(kept(always())).toEqual(['a', 'b', 'c']);
    expect(kept(never())).toEqual([]);
    expect(kept(isTrue('isPublic'))).toEqual(['a']);
    expect(kept(equals('owner', 'ana'))).toEqual(['b']);
    expect(kept(anyOf(isTrue('isPublic'), equals('owner', 'ana')))).toEqual(['a', 'b']);
  });

  it('fold anyOf: never dropped, always absorbing, one condition left as itself', () => {
    expect(anyOf<Row>()).toEqual(never());
    expect(anyOf(never<Row>(), never<Row>())).toEqual(never());
    expect(anyOf(isTrue<Row>('isPublic'), always())).toEqual(always());
    expect(anyOf(never<Row>(), isTrue<Row>('isPublic'))).toEqual(isTrue('isPublic'));
  });

  it('read as SQL with named parameters, for the query builder', () => {
    const parameters = namedParameters('seen_');
    const sql = sqlWhere(anyOf(isTrue<Row>('isPublic'), equals<Row>('id', 'b'), equals<Row>('owner', 'ana')), table, parameters);
    expect(sql).toBe('(r.is_public OR r.id = :seen_0 OR r.owner_sub = :seen_1)');
    expect(parameters.values).toEqual({ seen_0: 'b', seen_1: 'ana' });
    expect(sqlWhere(always<Row>(), table, parameters)).toBe('TRUE');
    expect(sqlWhere(never<Row>(), table, parameters)).toBe('FALSE');
  });

  it('read as SQL with positional parameters after those a query already has', () => {
    const values: unknown[] = [['id-1', 'id-2']];
    expect(sqlWhere(equals<Row>('owner', 'ana'), table, positionalParameters(values))).toBe('r.owner_sub = $2');
    expect(values).toEqual([['id-1', 'id-2'], 'ana']);
  });

  it('refuse a field the table does not name', () => {
    expect(() => sqlWhere(isTrue<Row>('isPublic'), { alias: 'r', columns: {} }, namedParameters('p'))).toThrow('no column for the field isPublic of r');
  });
});
