import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, isObjectType, parse, validate } from 'graphql';
import { GRAPHQL_ERROR_CODES, UserErrorCode } from '@maison/errors';
import { frontEndGuide, guideBlock, guideOperations } from '@maison/testing';
import { readGatewayConfig } from '../gateway/src/config';
import { costEstimator } from '../gateway/src/limits/estimate';

/**
 * docs/front-end.md, checked: its code generator setup compiles against schema/client.graphql,
 * its cache policies name every entity the default cannot, its tables list every error code of the
 * registry (packages/errors) with its HTTP status.
 * (Its operations and its fetch client run in a real browser: tests/e2e/front-end.e2e.test.ts.)
 */
const ROOT = path.resolve(__dirname, '..');
const guide = frontEndGuide();
const clientSchema = readFileSync(path.join(ROOT, 'schema', 'client.graphql'), 'utf8');

const tableRows = (marker: string) => {
  const start = guide.indexOf(`<!-- ${marker} -->`);
  const end = guide.indexOf(`<!-- /${marker} -->`);
  if (start < 0 || end < 0) throw new Error(`no ${marker} table`);
  return [...guide.slice(start, end).matchAll(/^\| `([A-Z_]+)` \| ([^|]*) \|/gm)].map((m) => ({ code: m[1]!, second: m[2]! }));
};
const tableCodes = (marker: string) => tableRows(marker).map((r) => r.code);

/** The variables the guide's table of costs assumes, per operation. */
const COST_VARIABLES: Record<string, Record<string, unknown>> = {
  MonthView: { from: '2027-06-01', to: '2027-07-12' }, // 42 days, June 1 to July 12 included
  KitchenDay: { date: '2027-06-01' },
  BookKitchen: { input: { spaceId: 'x', startsAt: '2027-06-01T10:00:00-04:00', endsAt: '2027-06-01T11:00:00-04:00', title: 'Dîner' } },
};

describe('the front-end guide', () => {
  it('has operations valid against schema/client.graphql, whose costs are those its table gives, each within the default budget', async () => {
    const schema = buildSchema(clientSchema);
    const operations = guideOperations(guide);
    expect(Object.keys(operations).sort()).toEqual(['BookKitchen', 'ExhibitionsPage', 'KitchenDay', 'Me', 'MonthView']);
    for (const [name, document] of Object.entries(operations)) expect([name, validate(schema, parse(document))]).toEqual([name, []]);
    const defaults = readGatewayConfig({});
    const estimator = await costEstimator(readFileSync(defaults.supergraphPath, 'utf8'), { listSize: defaults.queryCostListSize });
    const computed = Object.entries(operations).map(([name, document]) => [name, estimator.costOf(document, COST_VARIABLES[name] ?? {})]);
    const start = guide.indexOf('<!-- operation-costs -->');
    const table = [...guide.slice(start, guide.indexOf('<!-- /operation-costs -->')).matchAll(/^\| `(\w+)` \|[^|]*\| (\d+) \|$/gm)].map((m) => [
      m[1]!,
      Number(m[2]),
    ]);
    expect(table).toEqual(computed);
    for (const [, cost] of computed) expect(cost).toBeLessThanOrEqual(defaults.maxQueryCost);
  });

  it('lists every code of userErrors, and no other', () => {
    expect(tableCodes('user-error-codes').sort()).toEqual(Object.values(UserErrorCode).sort());
  });

  it('lists every GraphQL error code of the registry, and no other, with its HTTP status', () => {
    const listed = tableRows('graphql-error-codes');
    expect(listed.map((r) => r.code).sort()).toEqual(Object.keys(GRAPHQL_ERROR_CODES).sort());
    for (const { code, second } of listed) {
      const entry = GRAPHQL_ERROR_CODES[code as keyof typeof GRAPHQL_ERROR_CODES];
      expect([code, second]).toEqual([code, 'httpNote' in entry ? `${entry.httpStatus} (${entry.httpNote})` : String(entry.httpStatus)]);
    }
  });

  it('gives a cache policy to every entity not identified by its id', () => {
    const policies = JSON.parse(guideBlock('type-policies.json')) as Record<string, { keyFields: string[] }>;
    const supergraph = readFileSync(path.join(ROOT, 'gateway', 'supergraph.graphql'), 'utf8');
    const schema = buildSchema(clientSchema);
    const keys = new Map<string, string>();
    for (const m of supergraph.matchAll(/^type (\w+)((?:\s*@join__type\([^)]*\))+)/gm)) {
      const key = /key: "([^"]+)"/.exec(m[2]!)?.[1];
      if (key) keys.set(m[1]!, key);
    }
    expect(keys.get('CalendarDay')).toBe('date');
    for (const [type, key] of keys) {
      if (!isObjectType(schema.getType(type))) continue;
      if (key === 'id') expect(policies[type]).toBeUndefined();
      else expect(policies[type]?.keyFields).toEqual(key.split(' '));
    }
    for (const type of Object.keys(policies)) expect(isObjectType(schema.getType(type))).toBe(true);
  });

  it('has a code generator setup that compiles against schema/client.graphql, scalars included', () => {
    mkdirSync(path.join(ROOT, '.data'), { recursive: true });
    const dir = mkdtempSync(path.join(ROOT, '.data', 'front-end-guide-'));
    try {
      mkdirSync(path.join(dir, 'schema'));
      mkdirSync(path.join(dir, 'src'));
      writeFileSync(path.join(dir, 'schema', 'client.graphql'), clientSchema);
      writeFileSync(path.join(dir, 'codegen.ts'), guideBlock('codegen.ts'));
      writeFileSync(path.join(dir, 'src', 'month.ts'), guideBlock('src/month.ts'));
      execFileSync(process.execPath, [path.join(ROOT, 'node_modules', '@graphql-codegen', 'cli', 'cjs', 'bin.js'), '--config', 'codegen.ts', '--silent'], {
        cwd: dir,
        stdio: 'pipe',
      });
      const generated = readFileSync(path.join(dir, 'src', 'gql', 'graphql.ts'), 'utf8');
      // LocalDate variables and DateTime fields come out as strings, as they travel in JSON.
      expect(generated).toMatch(/export type MonthViewQueryVariables = Exact<\{\s+from: string;\s+to: string;\s+\}>/);
      expect(generated).toMatch(
        /export type MonthViewQuery = \{ calendar: Array<\{ date: string, spaceBookings: Array<\{ id: string, title: string \| null, startsAt: string, /,
      );
      const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
      const flags = ['--noEmit', '--strict', '--target', 'es2022', '--module', 'esnext', '--moduleResolution', 'bundler', '--skipLibCheck', '--types', 'node'];
      execFileSync(process.execPath, [tsc, ...flags, 'src/month.ts'], { cwd: dir, stdio: 'pipe' });
      // And the check is real: a field the schema does not have fails the generator.
      writeFileSync(path.join(dir, 'src', 'month.ts'), guideBlock('src/month.ts').replace('startsAt space', 'startsAt nonsense space'));
      expect(() =>
        execFileSync(process.execPath, [path.join(ROOT, 'node_modules', '@graphql-codegen', 'cli', 'cjs', 'bin.js'), '--config', 'codegen.ts', '--silent'], {
          cwd: dir,
          stdio: 'pipe',
        }),
      ).toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
