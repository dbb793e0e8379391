import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { UserErrorCode } from '@maison/errors';
import { PG, pgCode, pgConstraint, updateReturning } from '@maison/kit';
import { isUuid, localDateOf, ok, refuse, type Outcome, type RuleViolation } from '@maison/house';
import { closeOpenCheckIn } from '../presence/presence.service';
import { lockEvent, promoteWaitlist } from '../registration/registration.line';
import { Member } from './member.entity';
import { validateMemberFields, type MemberFieldsClean, type MemberFieldsInput } from './member.rules';

const notFound = (): RuleViolation => ({ code: UserErrorCode.NOT_FOUND, field: ['id'] });
const emailTaken = (): RuleViolation => ({ code: UserErrorCode.EMAIL_TAKEN, field: ['input', 'email'] });

/** The columns of each field a mutation may write. */
const COLUMNS: Record<keyof MemberFieldsClean, string> = {
  displayName: 'display_name',
  email: 'email',
  phone: 'phone',
  profession: 'profession',
  shortBio: 'short_bio',
  isPublic: 'is_public',
  joinedOn: 'joined_on',
};

/**
 * ADMIN's side of the members (create, update, deactivate, reactivate) and a member's own profile.
 * Every change of a member locks its row (FOR NO KEY UPDATE, which a check-in's or a registration's
 * FOR SHARE waits for), so a check and its write never race; the unique index on lower(email) is the
 * last word on EMAIL_TAKEN.
 */
export class MemberAdminService {
  constructor(
    private readonly ds: DataSource,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async create(input: MemberFieldsInput): Promise<Outcome<Member>> {
    const today = localDateOf(this.clock());
    const { fields, violations } = validateMemberFields(
      {
        ...input,
        phone: input.phone ?? null,
        profession: input.profession ?? null,
        shortBio: input.shortBio ?? null,
        isPublic: input.isPublic ?? false,
        joinedOn: input.joinedOn ?? today,
      },
      today,
    );
    if (violations.length > 0) return refuse(...violations);
    const id = randomUUID();
    const names = Object.keys(fields) as (keyof MemberFieldsClean)[];
    return this.writing(async () => {
      await this.ds.query(`INSERT INTO member (id, ${names.map((n) => COLUMNS[n]).join(', ')}) VALUES ($1, ${names.map((_, k) => `$${k + 2}`).join(', ')})`, [
        id,
        ...names.map((n) => fields[n]),
      ]);
      return ok(await this.ds.getRepository(Member).findOneByOrFail({ id }));
    });
  }

  /**
   * The fields given change; the others stay. A deactivated member may still be corrected by ADMIN;
   * their own profile (ownProfile: the member of the token) is MEMBER_DEACTIVATED, and a member who
   * vanished meanwhile UNKNOWN_HOLDER, as acting-member.ts answers.
   */
  update(id: string, input: MemberFieldsInput, options: { ownProfile?: boolean } = {}): Promise<Outcome<Member>> {
    const missing: RuleViolation = options.ownProfile ? { code: UserErrorCode.UNKNOWN_HOLDER } : notFound();
    if (!isUuid(id)) return Promise.resolve(refuse(missing));
    const { fields, violations } = validateMemberFields(input, localDateOf(this.clock()));
    return this.writing(() =>
      this.ds.transaction(async (tx) => {
        const current = await lockMember(tx, id);
        if (!current) return refuse(missing);
        if (options.ownProfile && current.deactivated_at) return refuse({ code: UserErrorCode.MEMBER_DEACTIVATED });
        if (violations.length > 0) return refuse(...violations);
        const names = Object.keys(fields) as (keyof MemberFieldsClean)[];
        if (names.length > 0) {
          await tx.query(`UPDATE member SET ${names.map((n, k) => `${COLUMNS[n]} = $${k + 2}`).join(', ')}, updated_at = now() WHERE id = $1`, [
            current.id,
            ...names.map((n) => fields[n]),
          ]);
        }
        return ok(await tx.getRepository(Member).findOneByOrFail({ id: current.id }));
      }),
    );
  }

  /**
   * Deactivates a member: the rows of their history stay; their open check-in is closed, and their
   * registrations (confirmed or waitlisted) to events not started are cancelled, each freed seat going
   * to the first in line. The member row is locked first, then each event in id order.
   */
  deactivate(id: string): Promise<Outcome<Member>> {
    if (!isUuid(id)) return Promise.resolve(refuse(notFound()));
    return this.ds.transaction(async (tx) => {
      const current = await lockMember(tx, id);
      if (!current) return refuse(notFound());
      if (current.deactivated_at) return refuse({ code: UserErrorCode.ALREADY_DEACTIVATED, field: ['id'] });
      await tx.query('UPDATE member SET deactivated_at = now(), updated_at = now() WHERE id = $1', [current.id]);
      await closeOpenCheckIn(tx, current.id, localDateOf(this.clock()));
      await cancelUpcomingRegistrations(tx, current.id);
      return ok(await tx.getRepository(Member).findOneByOrFail({ id: current.id }));
    });
  }

  /** Lets a deactivated member in again; the registrations cancelled at deactivation stay cancelled. */
  reactivate(id: string): Promise<Outcome<Member>> {
    if (!isUuid(id)) return Promise.resolve(refuse(notFound()));
    return this.ds.transaction(async (tx) => {
      const current = await lockMember(tx, id);
      if (!current) return refuse(notFound());
      if (!current.deactivated_at) return refuse({ code: UserErrorCode.NOT_DEACTIVATED, field: ['id'] });
      await tx.query('UPDATE member SET deactivated_at = NULL, updated_at = now() WHERE id = $1', [current.id]);
      return ok(await tx.getRepository(Member).findOneByOrFail({ id: current.id }));
    });
  }

  /** A write whose email another member took meanwhile answers EMAIL_TAKEN. */
  private async writing(write: () => Promise<Outcome<Member>>): Promise<Outcome<Member>> {
    try {
      return await write();
    } catch (error) {
      if (pgCode(error) === PG.uniqueViolation && pgConstraint(error) === 'member_email_key') return refuse(emailTaken());
      throw error;
    }
  }
}

async function lockMember(tx: EntityManager, id: string): Promise<{ id: string; deactivated_at: Date | null } | null> {
  const [row] = await tx.query('SELECT id, deactivated_at FROM member WHERE id = $1 FOR NO KEY UPDATE', [id.toLowerCase()]);
  return row ?? null;
}

async function cancelUpcomingRegistrations(tx: EntityManager, memberId: string): Promise<void> {
  const events: { event_id: string }[] = await tx.query(
    `SELECT DISTINCT r.event_id FROM event_registration r JOIN coworking_event e ON e.id = r.event_id
     WHERE r.member_id = $1 AND r.status <> 'CANCELLED' AND e.cancelled_at IS NULL AND e.starts_at > now() ORDER BY r.event_id`,
    [memberId],
  );
  for (const { event_id: eventId } of events) {
    const event = await lockEvent(tx, eventId);
    if (!event || event.cancelledAt || event.startsAt <= new Date()) continue;
    const cancelled = await updateReturning<{ status: string }>(
      tx,
      `UPDATE event_registration r SET status = 'CANCELLED', cancelled_at = clock_timestamp()
       FROM event_registration was WHERE was.id = r.id AND r.event_id = $1 AND r.member_id = $2 AND r.status <> 'CANCELLED'
       RETURNING was.status`,
      [eventId, memberId],
    );
    if (cancelled.some((c) => c.status === 'CONFIRMED')) await promoteWaitlist(tx, eventId);
  }
}
