import { randomUUID } from 'node:crypto';
import { HolderKind } from './booking.enums';
import type { HolderState, MembershipState } from './booking.holder';
import { holderDirectory } from './holder-directory';
import type { Lang } from '@maison/config';

/** The one HolderDirectory over fake sources: which source answers for each kind of holder, and how. */
function directoryOver(
  o: { tenants?: Set<string>; members?: Record<string, MembershipState>; artists?: Record<string, HolderState>; galleryDown?: boolean },
  lang: Lang = 'fr',
) {
  const asked: string[] = [];
  const directory = holderDirectory(
    {
      tenants: {
        async canHold(id) {
          asked.push(`tenant:${id}`);
          return o.tenants?.has(id) ?? false;
        },
      },
      memberships: {
        async membershipOf(id) {
          asked.push(`member:${id}`);
          return o.members?.[id] ?? 'UNKNOWN';
        },
      },
      async artistStateOf(id) {
        asked.push(`artist:${id}`);
        if (o.galleryDown) throw new Error('the gallery did not answer');
        return o.artists?.[id] ?? 'UNKNOWN';
      },
    },
    lang,
  );
  return { directory, asked };
}

describe('holderDirectory', () => {
  const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];

  it('knows a tenant the ledger lets hold bookings, and no other', async () => {
    const { directory, asked } = directoryOver({ tenants: new Set([a]) });
    expect(await directory.stateOf({ kind: HolderKind.TENANT, id: a.toUpperCase() })).toBe('ACTIVE');
    expect(await directory.stateOf({ kind: HolderKind.TENANT, id: b })).toBe('UNKNOWN');
    expect(asked).toEqual([`tenant:${a}`, `tenant:${b}`]);
  });

  it('answers for a member what coworking says of the membership', async () => {
    const { directory } = directoryOver({ members: { [a]: 'ACTIVE', [b]: 'INACTIVE' } });
    expect(await Promise.all([a, b, c].map((id) => directory.stateOf({ kind: HolderKind.MEMBER, id })))).toEqual(['ACTIVE', 'INACTIVE', 'UNKNOWN']);
  });

  it('answers for an artist what the gallery says', async () => {
    const { directory } = directoryOver({ artists: { [a]: 'ACTIVE', [b]: 'INACTIVE' } });
    expect(await Promise.all([a, b, c].map((id) => directory.stateOf({ kind: HolderKind.ARTIST, id })))).toEqual(['ACTIVE', 'INACTIVE', 'UNKNOWN']);
  });

  it('knows the house without asking, and asks nobody about an id that is no UUID', async () => {
    const { directory, asked } = directoryOver({ tenants: new Set(['pas-un-uuid']) });
    expect(await directory.stateOf({ kind: HolderKind.HOUSE, id: null })).toBe('ACTIVE');
    for (const kind of [HolderKind.TENANT, HolderKind.MEMBER, HolderKind.ARTIST]) {
      expect(await directory.stateOf({ kind, id: 'pas-un-uuid' })).toBe('UNKNOWN');
      expect(await directory.stateOf({ kind, id: null })).toBe('UNKNOWN');
    }
    expect(asked).toEqual([]);
  });

  it('answers a gallery that does not answer as SERVICE_UNAVAILABLE, in the language it was made for', async () => {
    for (const [lang, words] of [
      ['fr', /un artiste peut réserver/],
      ['en', /an artist may book/],
    ] as const) {
      const { directory } = directoryOver({ galleryDown: true }, lang);
      const refused = await directory.stateOf({ kind: HolderKind.ARTIST, id: a }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(refused).toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'GALLERY_UNAVAILABLE' } });
      expect((refused as Error).message).toMatch(words);
    }
  });
});
