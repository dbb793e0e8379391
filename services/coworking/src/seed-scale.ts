import type { DataSource } from 'typeorm';

/**
 * A large Espace KO for benchmarks (`npm run seed -- --scale N`): 20·N members with a monthly
 * membership each and 30·N events in the rooms of Espace KO over the past 36·N days (at N = 100:
 * 2,000 members, 3,000 events over ten years). Ids derive from their number: running it again adds nothing.
 */
export async function seedScale(ds: DataSource, scale: number): Promise<void> {
  await ds.query(
    `INSERT INTO member (id, display_name, profession, short_bio, is_public, joined_on)
     SELECT md5('scale-member-' || g)::uuid, 'Membre fictif ' || g,
            jsonb_build_object('fr', (ARRAY['Développeuse web', 'Traducteur', 'Photographe', 'Comptable', 'Illustratrice'])[1 + g % 5]),
            NULL, g % 7 <> 0, current_date - (g % 3650)
     FROM generate_series(1, 20 * $1::int) g
     ON CONFLICT DO NOTHING`,
    [scale],
  );
  await ds.query(
    `INSERT INTO membership (id, member_id, plan_id, starts_on, ends_on)
     SELECT md5('scale-membership-' || g)::uuid, md5('scale-member-' || g)::uuid, p.id, date_trunc('month', current_date)::date,
            (date_trunc('month', current_date) + interval '1 month - 1 day')::date
     FROM generate_series(1, 20 * $1::int) g, membership_plan p
     WHERE p.code = 'FULL_TIME_MONTHLY'
     ON CONFLICT DO NOTHING`,
    [scale],
  );
  await ds.query(
    `INSERT INTO coworking_event (id, kind, title, description, starts_at, ends_at, room, capacity, members_only)
     SELECT md5('scale-event-' || g)::uuid,
            (ARRAY['TALK', 'WORKSHOP', 'SOCIAL', 'OTHER']::coworking_event_kind[])[1 + g % 4],
            jsonb_build_object('fr', 'Rencontre n° ' || g, 'en', 'Meetup #' || g), NULL,
            start, start + interval '2 hours',
            jsonb_build_object('fr', 'Grande salle', 'en', 'Main room'), 10 + g % 30, g % 5 = 0
     FROM generate_series(1, 30 * $1::int) g
     CROSS JOIN LATERAL (SELECT ((current_date - (g * 36.5 * $1::int / (30 * $1::int))::int - 2) + time '17:00')
                                AT TIME ZONE 'America/Toronto' AS start) x
     ON CONFLICT DO NOTHING`,
    [scale],
  );
  await ds.query('ANALYZE');
}
