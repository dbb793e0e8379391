import type { DataSource } from 'typeorm';
import type { Identity } from '@maison/auth';
import type { Lang } from '@maison/config';
import { paginate, type Page, type PageArgs } from '@maison/kit';
import { Member } from './member.entity';
import { visibleMembersWhere } from './member.access';

export class MemberService {
  constructor(private readonly ds: DataSource) {}

  /** Members by name (accents folded): public ones (plus yourself) for everyone, all of them for ADMIN. */
  list(identity: Identity, args: PageArgs, lang: Lang): Promise<Page<Member>> {
    const visible = visibleMembersWhere(identity, 'm');
    const query = this.ds.getRepository(Member).createQueryBuilder('m').where(visible.sql, visible.params);
    return paginate(query, args, { expression: 'm.sort_name', idExpression: 'm.id', direction: 'ASC', key: (m) => [m.sortName, m.id] }, lang);
  }
}
