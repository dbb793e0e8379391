import { holdTitle, legacyHoldReference, newHoldReference, ownerHold, ownerIdOf } from './hold-reference';
import { idempotencyKeyViolation, replayOf, requestFingerprint } from './idempotency';

const id = '0b6f3c1e-6a53-4f63-9d0e-3f1c5a7b9e21';
const REFERENCE = /^[a-z][a-z0-9-]{0,40}:[A-Za-z0-9-]{1,100}$/; // the ledger's rule (tenants migration 003)

describe('hold references', () => {
  it('are new for each hold, name their owner first, and fit the ledger’s rule', () => {
    const a = newHoldReference('coworking-event', id.toUpperCase());
    const b = newHoldReference('coworking-event', id);
    expect(a).toMatch(new RegExp(`^coworking-event:${id}-[0-9a-f]{12}$`));
    expect(a).not.toBe(b);
    expect(a).toMatch(REFERENCE);
    expect(ownerIdOf('coworking-event', a)).toBe(id);
    expect(ownerIdOf('coworking-event', legacyHoldReference('coworking-event', id))).toBe(id);
  });

  it('name no owner when of another kind or malformed', () => {
    expect(ownerIdOf('vernissage', newHoldReference('coworking-event', id))).toBeNull();
    expect(ownerIdOf('coworking-event', 'coworking-event:fuzz-1')).toBeNull();
    expect(ownerIdOf('coworking-event', `coworking-event:${id}x`)).toBeNull();
  });

  it('of an owner row: the stored one, the legacy one when none is stored, none without a placement', () => {
    const placement = { spaceId: 's', startsAt: new Date(0), endsAt: new Date(1), title: 't' };
    expect(ownerHold('vernissage', id, 'vernissage:x-1', placement)).toEqual({ reference: 'vernissage:x-1', placement });
    expect(ownerHold('vernissage', id, null, placement)).toEqual({ reference: `vernissage:${id}`, placement });
    expect(ownerHold('vernissage', id, 'vernissage:x-1', null)).toBeNull();
  });

  it('titles: label and French title, 200 characters at most', () => {
    expect(holdTitle('Vernissage', 'Grès du large')).toBe('Vernissage : Grès du large');
    expect(holdTitle(null, '5 à 7')).toBe('5 à 7');
    expect([...holdTitle('Vernissage', 'é'.repeat(300))]).toHaveLength(200);
  });
});

describe('idempotency keys', () => {
  it('accept 1 to 200 printable characters', () => {
    expect(idempotencyKeyViolation(undefined)).toBeNull();
    expect(idempotencyKeyViolation('atelier-2026-12-10 é')).toBeNull();
    expect(idempotencyKeyViolation('k'.repeat(200))).toBeNull();
    for (const bad of ['', 'k'.repeat(201), 'a\nb', 'a\u200bb', '\ud800']) {
      expect(idempotencyKeyViolation(bad)).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'idempotencyKey'] });
    }
  });

  it('replay the same request, refuse another under the same key', () => {
    const fp = requestFingerprint({ b: [1, new Date(0)], a: null });
    expect(requestFingerprint({ a: undefined, b: [1, new Date(0)] })).toBe(fp);
    expect(requestFingerprint({ a: null, b: [1, new Date(1)] })).not.toBe(fp);
    expect(replayOf(null, fp)).toBeNull();
    expect(replayOf({ id: 'e', fingerprint: fp }, fp)).toEqual({ id: 'e' });
    expect(replayOf({ id: 'e', fingerprint: 'other' }, fp)).toEqual({ reused: { code: 'IDEMPOTENCY_KEY_REUSED', field: ['input', 'idempotencyKey'] } });
  });
});
