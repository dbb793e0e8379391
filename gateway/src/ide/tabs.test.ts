import { OperationTypeNode } from 'graphql';
import { headersText, ideTabs } from './tabs';

/** The header editor takes JSON with comments and trailing commas; this reads what it would send. */
const sentHeaders = (text: string) => JSON.parse(text.replace(/^\s*\/\/.*$/gm, '').replace(/,(\s*})/g, '$1')) as Record<string, string>;

describe('the header editor of the IDE', () => {
  it('sends Accept-Language: fr and shows Authorization as a commented example', () => {
    const text = headersText();
    expect(sentHeaders(text)).toEqual({ 'Accept-Language': 'fr' });
    expect(text).toMatch(/^\s*\/\/ "Authorization": "Bearer <jeton>",$/m);
    expect(text).toContain('npm run -s token -- --role ADMIN');
  });

  it('takes the README language of an operation', () => {
    expect(sentHeaders(headersText('en'))).toEqual({ 'Accept-Language': 'en' });
  });
});

describe('ideTabs', () => {
  it('gives each operation its document, its variables moved to the coming week, and its headers', () => {
    const tabs = ideTabs(
      [
        {
          name: 'WhatsOn',
          kind: OperationTypeNode.QUERY,
          document: 'query WhatsOn { a }\n',
          variables: { from: '2026-11-26', to: '2026-12-02' },
          acceptLanguage: 'en',
        },
        {
          name: 'Book',
          kind: OperationTypeNode.MUTATION,
          document: '# As a tenant (npm run -s token -- --role TENANT --tenant acupuncture); safe\nmutation Book { b }\n',
        },
      ],
      '2026-12-07',
    );
    expect(tabs[0]).toEqual({ query: 'query WhatsOn { a }\n', variables: '{\n  "from": "2026-12-07",\n  "to": "2026-12-13"\n}', headers: headersText('en') });
    expect(tabs[1]).toEqual({
      query: expect.stringContaining('mutation Book { b }'),
      headers: headersText('fr', 'npm run -s token -- --role TENANT --tenant acupuncture'),
    });
    expect(tabs[1]).not.toHaveProperty('variables');
  });
});
