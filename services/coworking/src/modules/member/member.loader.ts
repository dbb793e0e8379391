import type { DataSource } from 'typeorm';
import { entityLoader } from '@maison/kit';
import { Member } from './member.entity';

/** Raw rows by id, whoever asks: visibility is applied by MemberService, never here. */
export function memberLoaders(ds: DataSource) {
  return { memberById: entityLoader(ds, Member) };
}
