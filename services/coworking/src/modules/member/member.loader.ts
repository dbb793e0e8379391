import type { DataSource } from 'typeorm';
import type { Identity } from '@maison/auth';
import { entityLoader } from '@maison/kit';
import { canSeeMember } from './member.access';
import { Member } from './member.entity';

/** Raw rows by id, whoever asks: the rule of member.access.ts is applied by loadVisibleMember, never in the loader. */
export function memberLoaders(ds: DataSource) {
  return { memberById: entityLoader(ds, Member) };
}
export type MemberLoaders = ReturnType<typeof memberLoaders>;

/** One member, or null when it does not exist or the caller may not see it (the same answer). */
export async function loadVisibleMember(loaders: MemberLoaders, identity: Identity, id: string): Promise<Member | null> {
  const member = await loaders.memberById.load(id);
  return member && canSeeMember(member, identity) ? member : null;
}
