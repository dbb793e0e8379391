import type { DataSource } from 'typeorm';
import { addDays, houseInstant, stableId, todayInHouse } from '@maison/house';
import { artists, artworks, exhibitions, imageAlt, VENUES, type SeedSpace, type SeedVenue } from './seed-data';

/**
 * Demo data of Le Vivoir, for development only (SEED=demo): twelve (invented) artists, their works,
 * some on display in the kitchen and on the terrace, and exhibitions around today (current,
 * upcoming, past). Its studios are reference data (reference-data.ts). Ids are stable (derived from
 * slugs), and every insert is ON CONFLICT DO NOTHING, so loading it twice changes nothing.
 */
const spaceId = (slug: SeedSpace) => stableId('shared-space', slug);
const imageUrl = (folder: string, slug: string) => `https://images.levivoir.example/${folder}/${slug}.jpg`;

/** The terrace is open from May to October; out of season its vernissages move into the gallery. */
function venueOn(date: string, venue: SeedVenue): 'galerie' | SeedSpace {
  if (venue !== 'terrasse-en-saison') return venue;
  const month = Number(date.slice(5, 7));
  return month >= 5 && month <= 10 ? 'terrasse' : 'galerie';
}

export async function loadDemo(ds: DataSource): Promise<void> {
  const today = todayInHouse();
  await ds.transaction(async (tx) => {
    for (const a of artists) {
      await tx.query(`INSERT INTO artist (id, slug, name, bio, disciplines, website) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`, [
        stableId('artist', a.slug),
        a.slug,
        a.name,
        a.bio,
        JSON.stringify(a.disciplines),
        a.website,
      ]);
    }
    for (const w of artworks) {
      await tx.query(
        `INSERT INTO artwork (id, slug, artist_id, title, year, medium, dimensions, availability, price_cents, image_url, image_alt, displayed_in_space_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT DO NOTHING`,
        [
          stableId('artwork', w.slug),
          w.slug,
          stableId('artist', w.artist),
          w.title,
          w.year,
          w.medium,
          w.dimensions,
          w.availability,
          w.price === null ? null : Math.round(w.price * 100),
          imageUrl('oeuvres', w.slug),
          imageAlt(w.title, w.medium),
          w.displayedIn === null ? null : spaceId(w.displayedIn),
        ],
      );
    }
    for (const e of exhibitions) {
      const id = stableId('exhibition', e.slug);
      const startsOn = addDays(today, e.startsIn);
      const venue = venueOn(startsOn, e.vernissage.venue);
      await tx.query(
        `INSERT INTO exhibition (id, slug, title, description, starts_on, ends_on, cover_image_url,
                                 vernissage_starts_at, vernissage_ends_at, vernissage_venue, vernissage_space_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT DO NOTHING`,
        [
          id,
          e.slug,
          e.title,
          e.description,
          startsOn,
          addDays(today, e.endsIn),
          imageUrl('expositions', e.slug),
          houseInstant(startsOn, e.vernissage.from),
          houseInstant(startsOn, e.vernissage.to),
          VENUES[venue],
          venue === 'galerie' ? null : spaceId(venue),
        ],
      );
      for (const [position, slug] of e.artists.entries()) {
        await tx.query(`INSERT INTO exhibition_artist (exhibition_id, artist_id, position) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
          id,
          stableId('artist', slug),
          position,
        ]);
      }
      for (const [position, slug] of e.artworks.entries()) {
        await tx.query(`INSERT INTO exhibition_artwork (exhibition_id, artwork_id, position) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
          id,
          stableId('artwork', slug),
          position,
        ]);
      }
    }
  });
}
