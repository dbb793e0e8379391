import type { DataSource } from 'typeorm';

/**
 * A large, realistic ledger for benchmarks (`npm run seed -- --scale N`): about 36·N days of
 * kitchen and terrace bookings (at N = 100, ten years and ~33,000 rows), six 90-minute slots a day,
 * mostly in the past. The next 60 days stay as the base seed left them, free for live scenarios.
 * Ids derive from space, date and slot: running it again adds nothing.
 */
export async function seedScale(ds: DataSource, scale: number): Promise<void> {
  const days = Math.round(36.5 * scale);
  await ds.query(
    `INSERT INTO space_booking (id, space_id, holder_kind, holder_id, holder_name, created_by, title, starts_at, ends_at, occupied_until,
       attendees, visibility, status, cancelled_at)
     SELECT md5(s.slug || d::text || slot)::uuid, s.id, 'TENANT', t.id, t.name ->> 'fr', 'scale-seed',
            CASE WHEN (extract(doy FROM d)::int + length(slot)) % 3 = 0 THEN 'Dîner communautaire' ELSE 'Réunion d’équipe' END,
            start, start + interval '90 minutes', start + interval '90 minutes' + make_interval(mins => s.buffer_minutes),
            1 + (extract(doy FROM d)::int % 10),
            CASE WHEN extract(doy FROM d)::int % 3 = 0 THEN 'PUBLIC'::booking_visibility ELSE 'PRIVATE'::booking_visibility END,
            CASE WHEN extract(doy FROM d)::int % 17 = 0 THEN 'CANCELLED'::booking_status ELSE 'CONFIRMED'::booking_status END,
            CASE WHEN extract(doy FROM d)::int % 17 = 0 THEN now() END
     FROM shared_space s
     CROSS JOIN generate_series(current_date - $1::int, current_date - 2, interval '1 day') d
     CROSS JOIN unnest(ARRAY['08:00', '10:00', '12:00', '14:00', '16:00', '18:00']) slot
     CROSS JOIN LATERAL (SELECT (d::date + slot::time) AT TIME ZONE 'America/Toronto' AS start) x
     CROSS JOIN LATERAL (SELECT id, name FROM tenant ORDER BY md5(d::text || slot || tenant.id::text) LIMIT 1) t
     WHERE s.slug IN ('cuisine', 'terrasse')
       AND (s.season_starts IS NULL OR to_char(d, 'MM-DD') BETWEEN s.season_starts AND s.season_ends)
     ON CONFLICT DO NOTHING`,
    [days],
  );
  await ds.query('ANALYZE space_booking');
}
