import path from 'node:path';
import type { SubgraphModule } from '@maison/kit';
import { createLoaders, createServices, type GalleryLoaders, type GalleryServices } from './services';
import { Artist } from './modules/artist/artist.entity';
import { ArtistResolver } from './modules/artist/artist.resolver';
import { ArtistEditorResolver } from './modules/artist/artist-editor.resolver';
import { artistReference } from './modules/artist/artist.reference';
import { Artwork } from './modules/artwork/artwork.entity';
import { ArtworkResolver } from './modules/artwork/artwork.resolver';
import { ArtworkFieldResolver } from './modules/artwork/artwork.fields';
import { ArtworkEditorResolver } from './modules/artwork/artwork-editor.resolver';
import { ArtworkRecordFieldResolver } from './modules/artwork/artwork-record.fields';
import { artworkReference } from './modules/artwork/artwork.reference';
import { ArtworkPlacementFieldResolver, ArtworkPlacementResolver } from './modules/artwork/artwork-placement.resolver';
import { ExhibitionContentsResolver } from './modules/exhibition/exhibition-contents.resolver';
import { Exhibition } from './modules/exhibition/exhibition.entity';
import { ExhibitionArtist } from './modules/exhibition/exhibition-artist.entity';
import { ExhibitionArtwork } from './modules/exhibition/exhibition-artwork.entity';
import { ExhibitionResolver } from './modules/exhibition/exhibition.resolver';
import { ExhibitionFieldResolver } from './modules/exhibition/exhibition.fields';
import { VernissageFieldResolver } from './modules/exhibition/vernissage.fields';
import { exhibitionReference } from './modules/exhibition/exhibition.reference';
import { Studio } from './modules/studio/studio.entity';
import { StudioResolver } from './modules/studio/studio.resolver';
import { StudioAssignment } from './modules/studio/studio-assignment.entity';
import { StudioAssignmentResolver } from './modules/studio/studio-assignment.resolver';
import { StudioBooking } from './modules/studio/studio-booking.entity';
import { StudioBookingResolver } from './modules/studio/studio-booking.resolver';
import { SharedSpace } from './modules/space/shared-space.entity';
import { SharedSpaceResolver } from './modules/space/space.resolver';
import { spaceReference } from './modules/space/space.reference';
import { CalendarDay } from './modules/calendar/calendar-day.entity';
import { CalendarResolver } from './modules/calendar/calendar.resolver';
import { calendarReference } from './modules/calendar/calendar.reference';
import { Me } from './modules/me/me.entity';
import { MeResolver } from './modules/me/me.resolver';
import { meReference } from './modules/me/me.reference';
import { loadDemo } from './demo-data';
import { referenceRows } from './reference-data';
import { seedScale } from './seed-scale';

/** The service folder (src/.. or dist/..), where migrations and schema.graphql live. */
export const SERVICE_ROOT = path.resolve(__dirname, '..');

export const galleryModule: SubgraphModule<GalleryServices, GalleryLoaders> = {
  name: 'gallery',
  defaultPort: 4003,
  resolvers: [
    ArtistResolver,
    ArtistEditorResolver,
    ArtworkResolver,
    ArtworkFieldResolver,
    ArtworkPlacementResolver,
    ArtworkPlacementFieldResolver,
    ArtworkEditorResolver,
    ArtworkRecordFieldResolver,
    ExhibitionResolver,
    ExhibitionContentsResolver,
    ExhibitionFieldResolver,
    VernissageFieldResolver,
    StudioResolver,
    StudioAssignmentResolver,
    StudioBookingResolver,
    SharedSpaceResolver,
    CalendarResolver,
    MeResolver,
  ],
  // Entities only other subgraphs reach: the gallery has no Query that returns them.
  orphanedTypes: [SharedSpace, CalendarDay, Me],
  references: { ...artistReference, ...artworkReference, ...exhibitionReference, ...spaceReference, ...calendarReference, ...meReference },
  // Seconds each type's data stays true; every successful mutation through the gateway empties its cache anyway.
  cacheHints: {
    Money: 3600,
    PageInfo: 3600,
    Artist: 600,
    ArtistConnection: 600,
    ArtistEdge: 600,
    // An exhibition's status moves with the date.
    SharedSpace: 300,
    Artwork: 300,
    ArtworkConnection: 300,
    ArtworkEdge: 300,
    ArtworkPlacement: 300,
    Exhibition: 300,
    ExhibitionConnection: 300,
    ExhibitionEdge: 300,
    Vernissage: 300,
    Studio: 300,
    StudioAssignment: 300,
    StudioBooking: 60,
    CalendarDay: 60,
  },
  entities: [Artist, Artwork, Exhibition, ExhibitionArtist, ExhibitionArtwork, Studio, StudioAssignment, StudioBooking],
  migrationsDir: path.join(SERVICE_ROOT, 'src', 'migrations'),
  createServices,
  createLoaders,
  reference: referenceRows,
  demo: loadDemo,
  seedScale,
  // Rounds of the hold reconciler, at boot and every HOLD_RECONCILE_SECONDS: vernissages get their
  // holds of shared spaces; holds no vernissage needs any more are released.
  onReady(services, log) {
    services.vernissageHolds.startReconciling(log);
  },
};
