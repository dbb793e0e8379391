import type { SubgraphContext } from '@maison/kit';
import type { GalleryLoaders, GalleryServices } from './services';

export type Context = SubgraphContext<GalleryServices, GalleryLoaders>;
