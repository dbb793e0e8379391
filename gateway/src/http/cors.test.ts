import { corsPolicy, parseCorsOrigins } from './cors';

describe('CORS_ORIGINS', () => {
  it('reads origins, a wildcard for subdomains and *', () => {
    expect(parseCorsOrigins(' https://app.example ,http://localhost:5173/ ')).toEqual(['https://app.example', 'http://localhost:5173']);
    expect(parseCorsOrigins('https://*.la-maison.example')).toEqual(['https://*.la-maison.example']);
    expect(parseCorsOrigins('*')).toEqual(['*']);
  });

  it.each(['app.example', 'https://app.example/path', 'ftp://app.example', 'https://app.example:99999x', ' , '])('refuses %j', (raw) => {
    expect(() => parseCorsOrigins(raw)).toThrow();
  });
});

describe('the CORS policy', () => {
  it('lets in every localhost port in development, and nothing else', () => {
    const dev = corsPolicy(undefined, false);
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:3000', 'http://[::1]:8080', 'http://localhost']) expect(dev.allows(origin)).toBe(true);
    for (const origin of ['https://localhost:5173', 'http://localhost.evil.example', 'http://evil.example', 'null', 'http://127.0.0.1.evil.example:80']) {
      expect(dev.allows(origin)).toBe(false);
    }
  });

  it('lets in no other origin in production unless CORS_ORIGINS says so', () => {
    expect(corsPolicy(undefined, true).allows('http://localhost:5173')).toBe(false);
    const listed = corsPolicy(['https://app.example'], true);
    expect(listed.allows('https://app.example')).toBe(true);
    expect(listed.allows('https://APP.example')).toBe(true);
    expect(listed.allows('http://app.example')).toBe(false);
    expect(listed.allows('https://app.example.evil')).toBe(false);
  });

  it('matches a subdomain wildcard on whole labels only', () => {
    const policy = corsPolicy(['https://*.la-maison.example'], true);
    expect(policy.allows('https://app.la-maison.example')).toBe(true);
    expect(policy.allows('https://a.b.la-maison.example')).toBe(true);
    expect(policy.allows('https://la-maison.example')).toBe(false);
    expect(policy.allows('https://evil-la-maison.example')).toBe(false);
    expect(policy.allows('http://app.la-maison.example')).toBe(false);
  });

  it('answers * for any origin', () => {
    const any = corsPolicy(['*'], true);
    expect(any.anyOrigin).toBe(true);
    expect(any.allows('https://whoever.example')).toBe(true);
  });
});
