import { randomUUID } from 'node:crypto';
import type { Identity } from '@maison/auth';
import { UserErrorCode } from '@maison/errors';
import { HolderKind } from './booking.enums';
import { resolveHolder, type Holder, type HolderDirectory, type HolderState } from './booking.holder';

/** resolveHolder with a fake directory: who holds a new booking, and what the directory's answer does to it. */
const ALL = { eligibleRoles: ['TENANT', 'MEMBER', 'ARTIST'] };
const admin: Identity = { sub: 'admin@test', roles: ['ADMIN'] };
const tenantId = randomUUID();
const memberId = randomUUID();
const artistId = randomUUID();
const tenant: Identity = { sub: 'tenant:x', roles: ['TENANT'], tenantId };
const member: Identity = { sub: 'member:x', roles: ['MEMBER'], memberId };
const artist: Identity = { sub: 'artist:x', roles: ['ARTIST'], artistId };

/** A directory answering `state` for every holder, recording whom it was asked about. */
function fakeDirectory(state: HolderState): HolderDirectory & { asked: Holder[] } {
  const asked: Holder[] = [];
  return {
    asked,
    async stateOf(holder) {
      asked.push(holder);
      return state;
    },
  };
}

describe('resolveHolder', () => {
  it('lets the caller’s own holder book when the directory knows it, asking about that holder only', async () => {
    for (const [identity, holder] of [
      [tenant, { kind: HolderKind.TENANT, id: tenantId }],
      [member, { kind: HolderKind.MEMBER, id: memberId }],
      [artist, { kind: HolderKind.ARTIST, id: artistId }],
    ] as const) {
      const directory = fakeDirectory('ACTIVE');
      expect(await resolveHolder(identity, {}, ALL, directory)).toEqual(holder);
      expect(directory.asked).toEqual([holder]);
    }
  });

  it('answers UNKNOWN_HOLDER, without a field, to a token naming a holder nobody knows', async () => {
    for (const identity of [tenant, member, artist]) {
      expect(await resolveHolder(identity, {}, ALL, fakeDirectory('UNKNOWN'))).toEqual({ code: UserErrorCode.UNKNOWN_HOLDER, field: undefined });
    }
  });

  it('answers NOT_ELIGIBLE to a holder the directory knows but cannot let book (no active membership, nobody to vouch)', async () => {
    for (const identity of [member, artist]) {
      expect(await resolveHolder(identity, {}, ALL, fakeDirectory('INACTIVE'))).toEqual({ code: UserErrorCode.NOT_ELIGIBLE });
    }
  });

  it('answers UNKNOWN_HOLDER at input.holderId when ADMIN names a tenant, member or artist nobody knows', async () => {
    for (const kind of [HolderKind.TENANT, HolderKind.MEMBER, HolderKind.ARTIST]) {
      const id = randomUUID();
      const directory = fakeDirectory('UNKNOWN');
      expect(await resolveHolder(admin, { kind, id: id.toUpperCase() }, ALL, directory)).toEqual({
        code: UserErrorCode.UNKNOWN_HOLDER,
        field: ['input', 'holderId'],
      });
      expect(directory.asked).toEqual([{ kind, id }]);
    }
  });

  it('lets ADMIN, who bypasses eligibility, book for a holder that exists but may not book itself', async () => {
    expect(await resolveHolder(admin, { kind: HolderKind.MEMBER, id: memberId }, ALL, fakeDirectory('INACTIVE'))).toEqual({
      kind: HolderKind.MEMBER,
      id: memberId,
    });
  });

  it('asks nobody about the house, nor when the choice itself is refused', async () => {
    const directory = fakeDirectory('UNKNOWN');
    expect(await resolveHolder(admin, {}, ALL, directory)).toEqual({ kind: HolderKind.HOUSE, id: null });
    expect(await resolveHolder(admin, { kind: HolderKind.HOUSE }, ALL, directory)).toEqual({ kind: HolderKind.HOUSE, id: null });
    expect(await resolveHolder(admin, { kind: HolderKind.ARTIST }, ALL, directory)).toMatchObject({
      code: UserErrorCode.INVALID_INPUT,
      field: ['input', 'holderId'],
    });
    expect(await resolveHolder(artist, {}, { eligibleRoles: ['TENANT'] }, directory)).toEqual({ code: UserErrorCode.NOT_ELIGIBLE });
    expect(await resolveHolder(tenant, { id: randomUUID() }, ALL, directory)).toEqual({ code: UserErrorCode.NOT_ELIGIBLE });
    expect(directory.asked).toEqual([]);
  });

  it('asks about the holder a caller with several roles picked', async () => {
    const both: Identity = { sub: 'x', roles: ['TENANT', 'ARTIST'], tenantId, artistId };
    const directory = fakeDirectory('ACTIVE');
    expect(await resolveHolder(both, { kind: HolderKind.ARTIST }, ALL, directory)).toEqual({ kind: HolderKind.ARTIST, id: artistId });
    expect(await resolveHolder(both, {}, ALL, directory)).toEqual({ kind: HolderKind.TENANT, id: tenantId });
    expect(directory.asked.map((h) => h.kind)).toEqual([HolderKind.ARTIST, HolderKind.TENANT]);
  });
});
