import type { DataSource } from 'typeorm';
import { isAdmin, type Identity } from '@maison/auth';
import type { Lang } from '@maison/config';
import { paginate, type Page, type PageArgs } from '@maison/kit';
import type { CoworkingLoaders } from '../../services';
import { Member } from './member.entity';
import { canSeeMember } from './member.access';

export class MemberService {
  constructor(private readonly ds: DataSource) {}

  /** Members by name (accents folded): public ones (plus yourself) for everyone, all of them for ADMIN. */
  list(identity: Identity, args: PageArgs, lang: Lang): Promise<Page<Member>> {
    const query = this.ds.getRepository(Member).createQueryBuilder('m');
    if (!isAdmin(identity)) {
      if (identity.memberId) query.where('(m.is_public OR m.id = :self)', { self: identity.memberId.toLowerCase() });
      else query.where('m.is_public');
    }
    return paginate(
      query,
      args,
      { expression: 'm.sort_name', idExpression: 'm.id', direction: 'ASC', key: (m) => [m.sortName, m.id] },
      lang,
    );
  }

  /** One member, or null when it does not exist or the caller may not see it (the same answer). */
  async visible(loaders: CoworkingLoaders, identity: Identity, id: string): Promise<Member | null> {
    const member = await loaders.memberById.load(id);
    return member && canSeeMember(member, identity) ? member : null;
  }
}
