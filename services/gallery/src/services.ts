import type { DataSource } from 'typeorm';
import { ArtistService } from './modules/artist/artist.service';
import { artistLoaders } from './modules/artist/artist.loader';
import { ArtworkService } from './modules/artwork/artwork.service';
import { artworkLoaders } from './modules/artwork/artwork.loader';
import { ExhibitionService } from './modules/exhibition/exhibition.service';
import { exhibitionLoaders } from './modules/exhibition/exhibition.loader';
import { StudioService } from './modules/studio/studio.service';
import { calendarLoaders } from './modules/calendar/calendar.loader';

/** Built once per process: the rules of the subgraph, each taking its DataSource. */
export function createServices(ds: DataSource) {
  return {
    artists: new ArtistService(ds),
    artworks: new ArtworkService(ds),
    exhibitions: new ExhibitionService(ds),
    studios: new StudioService(ds),
  };
}
export type GalleryServices = ReturnType<typeof createServices>;

/** Built for every request: never shared, so one caller's cache never serves another. */
export function createLoaders(ds: DataSource) {
  return { ...artistLoaders(ds), ...artworkLoaders(ds), ...exhibitionLoaders(ds), ...calendarLoaders(ds) };
}
export type GalleryLoaders = ReturnType<typeof createLoaders>;
