import { operationLabel } from './operation-label';

describe('the operation label of a metric', () => {
  it('is the name of the operation, "anonymous" without one or with one that is not a GraphQL name', () => {
    expect(operationLabel('WhatsOn')).toBe('WhatsOn');
    expect(operationLabel(undefined)).toBe('anonymous');
    expect(operationLabel('')).toBe('anonymous');
    expect(operationLabel('a"} 1\nfake_metric 2')).toBe('anonymous');
  });

  it('is cut to 64 characters', () => {
    expect(operationLabel(`Q${'x'.repeat(200)}`)).toHaveLength(64);
  });

  it('stays bounded: after 200 distinct names a new one is "other", a known one keeps its label', () => {
    for (let i = 0; i < 300; i += 1) operationLabel(`Invented${i}`);
    expect(operationLabel('Invented10')).toBe('Invented10');
    expect(operationLabel('BrandNew')).toBe('other');
    expect(operationLabel('WhatsOn')).toBe('WhatsOn');
  });
});
