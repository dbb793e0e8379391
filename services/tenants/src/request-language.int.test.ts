import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { callSubgraph, useTestSubgraph, admin } from '@maison/testing';
import { tenantsModule } from './module';

/**
 * A subgraph serves its HTTP requests without the AsyncLocalStorage (@maison/telemetry): the
 * caller's language reaches what is written far from the request on the error itself
 * (@maison/http, error-scope.ts). These are the answers that used to read it from the store.
 */
const graph = useTestSubgraph(tenantsModule, { listen: true });
const CALENDAR = 'query($from: LocalDate!, $to: LocalDate!) { calendar(from: $from, to: $to) { date } }';

describe('the caller’s language in a subgraph’s answers, over HTTP', () => {
  it('refuses a date that does not exist in the caller’s language, as a variable and as a literal', async () => {
    const bad = { from: '2027-02-29', to: '2027-03-02' };
    const fr = await callSubgraph(graph.url!, CALENDAR, bad, { identity: admin, lang: 'fr' });
    const en = await callSubgraph(graph.url!, CALENDAR, bad, { identity: admin, lang: 'en' });
    expect(fr.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(en.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(fr.body.errors?.[0]?.message).toContain('LocalDate : ');
    expect(en.body.errors?.[0]?.message).toContain('LocalDate: ');
    expect(en.body.errors?.[0]?.message).not.toContain('n’est pas');
    expect(en.body.errors?.[0]?.message.startsWith('Variable "$from" got invalid value "2027-02-29"')).toBe(true);

    const literal = '{ calendar(from: "2027-02-29", to: "2027-03-02") { date } }';
    const enLiteral = await callSubgraph(graph.url!, literal, {}, { identity: admin, lang: 'en' });
    const frLiteral = await callSubgraph(graph.url!, literal, {}, { identity: admin, lang: 'fr' });
    expect(enLiteral.body.errors?.[0]?.message).toContain('LocalDate: ');
    expect(frLiteral.body.errors?.[0]?.message).toContain('LocalDate : ');

    // A good request is answered as before.
    const good = await callSubgraph(graph.url!, CALENDAR, { from: '2027-03-01', to: '2027-03-02' }, { identity: admin, lang: 'en' });
    expect(good.body.data?.calendar).toEqual([{ date: '2027-03-01' }, { date: '2027-03-02' }]);
  });

  it('is served outside the store: of the kit’s code, only SqlCounter.measure (in-process execute) runs in it', () => {
    const kit = path.resolve(__dirname, '../../../packages/kit/src');
    const files = readdirSync(kit).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const users = files.filter((f) => /runInRequestContext\(/.test(readFileSync(path.join(kit, f), 'utf8')));
    expect(users).toEqual(['database.ts']);
  });

  it('counts the statements of an in-process execute, which alone keeps the store (tests measure with it)', async () => {
    const booked = 'query($from: LocalDate!, $to: LocalDate!) { calendar(from: $from, to: $to) { date spaceBookings { id } } }';
    const { body, statements } = await graph.execute(booked, { from: '2027-03-01', to: '2027-03-07' });
    expect(body.errors).toBeUndefined();
    expect(statements).toBeGreaterThan(0);
  });
});
