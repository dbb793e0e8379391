import type { DataSource } from 'typeorm';
import type { Identity } from '@maison/auth';
import type { Lang } from '@maison/config';
import { searchPattern } from '@maison/house';
import { paginate, type Page, type PageArgs } from '@maison/kit';
import { Member } from './member.entity';
import { listedMembersWhere } from './member.access';

export class MemberService {
  constructor(private readonly ds: DataSource) {}

  /**
   * Members by name (accents folded): public ones (plus yourself) for everyone, all of them for ADMIN;
   * deactivated ones for ADMIN only. `search` keeps those whose name or trade contains it, accents and
   * case aside, through the trigram index on member_search_text (migration 005).
   */
  list(identity: Identity, args: PageArgs & { search?: string | null }, lang: Lang): Promise<Page<Member>> {
    const listed = listedMembersWhere(identity, 'm');
    const query = this.ds.getRepository(Member).createQueryBuilder('m').where(listed.sql, listed.params);
    if (args.search !== null && args.search !== undefined) {
      query.andWhere(`member_search_text(m.display_name, m.profession) LIKE lower(f_unaccent(:search))`, { search: searchPattern(args.search, lang) });
    }
    return paginate(query, args, { expression: 'm.sort_name', idExpression: 'm.id', direction: 'ASC', key: (m) => [m.sortName, m.id] }, lang);
  }
}
