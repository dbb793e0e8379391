import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Identity } from '@maison/auth';
import { addDays, houseInstant, todayInHouse } from '@maison/house';
import type { startTestSubgraph } from '@maison/testing';
import type { GalleryLoaders, GalleryServices } from '../services';

/** Test-only helpers of the gallery subgraph (excluded from the build). */
export type GalleryGraph = Awaited<ReturnType<typeof startTestSubgraph<GalleryServices, GalleryLoaders>>>;

/** Runs an operation and returns its data; a GraphQL error fails the test with the errors shown. */
export async function data(graph: GalleryGraph, query: string, variables: Record<string, unknown>, identity?: Identity, lang: 'fr' | 'en' = 'fr') {
  const { body } = await graph.execute(query, variables, { ...(identity && { identity }), lang });
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}

/** The local date n days from today in house time. */
export const day = (n: number) => addDays(todayInHouse(), n);
/** A wall-clock time, n days from today, in house time. */
export const at = (n: number, time: string) => houseInstant(day(n), time);
export const minutes = (date: Date, n: number) => new Date(date.getTime() + n * 60_000);

export async function createArtist(ds: DataSource, name = 'Artiste'): Promise<string> {
  const id = randomUUID();
  await ds.query(`INSERT INTO artist (id, slug, name) VALUES ($1, $2, $3)`, [id, `artiste-${id.slice(0, 8)}`, name]);
  return id;
}

export async function createStudio(ds: DataSource, capacity: number): Promise<string> {
  const id = randomUUID();
  await ds.query(`INSERT INTO studio (id, slug, name, capacity) VALUES ($1, $2, $3, $4)`, [
    id,
    `atelier-${id.slice(0, 8)}`,
    { fr: `Atelier ${id.slice(0, 4)}` },
    capacity,
  ]);
  return id;
}

/** An artist identity (ARTIST role, artistId in the token) for an artist id. */
export const artistIdentity = (artistId: string): Identity => ({ sub: `artist-user:${artistId}`, roles: ['ARTIST'], artistId });
