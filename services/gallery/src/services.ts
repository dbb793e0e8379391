import type { DataSource } from 'typeorm';
import { ServiceClient, type SubgraphConfig } from '@maison/kit';
import { createLogger } from '@maison/http';
import { TenantsLedger, type SpaceLedger } from '@maison/space-holds';
import { ArtistService } from './modules/artist/artist.service';
import { ArtistEditor } from './modules/artist/artist-editor.service';
import { artistLoaders } from './modules/artist/artist.loader';
import { ArtworkService } from './modules/artwork/artwork.service';
import { ArtworkEditor } from './modules/artwork/artwork-editor.service';
import { artworkLoaders } from './modules/artwork/artwork.loader';
import { ExhibitionService } from './modules/exhibition/exhibition.service';
import { ExhibitionEditor } from './modules/exhibition/exhibition-editor.service';
import { exhibitionLoaders } from './modules/exhibition/exhibition.loader';
import { StudioService } from './modules/studio/studio.service';
import { StudioAssignmentService } from './modules/studio/studio-assignment.service';
import { StudioBookingService } from './modules/studio/studio-booking.service';
import { studioLoaders } from './modules/studio/studio.loader';
import { calendarLoaders } from './modules/calendar/calendar.loader';
import { vernissageHolds } from './modules/exhibition/vernissage-holds';
import { ExhibitionContents } from './modules/exhibition/exhibition-contents.service';
import { ArtworkPlacementService } from './modules/artwork/artwork-placement.service';
import { artworkPlacementLoaders } from './modules/artwork/artwork-placement.loader';
import { TenantsSpaceDirectory } from './modules/space/space-directory';

export type GalleryConfig = Pick<SubgraphConfig, 'tenantsUrl' | 'signingSecret' | 'logLevel' | 'holdReconcileSeconds'>;

/**
 * Built once per process: the rules of the subgraph, each taking its DataSource. Vernissages in a
 * shared space are held in the tenants subgraph's ledger (TENANTS_URL) unless a ledger is given (tests);
 * placeArtwork asks the same subgraph, through the same signed client, whether a shared space exists.
 */
export function createServices(ds: DataSource, config: GalleryConfig, ledger?: SpaceLedger | null) {
  const log = createLogger('gallery', config.logLevel);
  const tenants = config.tenantsUrl ? new ServiceClient(config.tenantsUrl, config.signingSecret, 'gallery') : null;
  const holds = vernissageHolds(ds, ledger === undefined ? tenants && new TenantsLedger(tenants) : ledger, log, config);
  return {
    artists: new ArtistService(ds),
    artworks: new ArtworkService(ds),
    artistEditor: new ArtistEditor(ds),
    artworkEditor: new ArtworkEditor(ds),
    exhibitions: new ExhibitionService(ds),
    exhibitionEditor: new ExhibitionEditor(ds, holds.writes),
    exhibitionContents: new ExhibitionContents(ds),
    artworkPlacements: new ArtworkPlacementService(ds, new TenantsSpaceDirectory(tenants)),
    vernissageHolds: holds,
    studios: new StudioService(ds),
    studioAssignments: new StudioAssignmentService(ds),
    studioBookings: new StudioBookingService(ds),
  };
}
export type GalleryServices = ReturnType<typeof createServices>;

/** Built for every request: never shared, so one caller's cache never serves another. */
export function createLoaders(ds: DataSource) {
  const artists = artistLoaders(ds);
  const artworks = artworkLoaders(ds);
  return {
    ...artists,
    ...artworks,
    ...artworkPlacementLoaders(ds),
    ...exhibitionLoaders(ds, { artistById: artists.artistById, artworksByArtist: artworks.artworksByArtist }),
    ...studioLoaders(ds),
    ...calendarLoaders(ds),
  };
}
export type GalleryLoaders = ReturnType<typeof createLoaders>;
