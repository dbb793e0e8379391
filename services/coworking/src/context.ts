import type { SubgraphContext } from '@maison/kit';
import type { CoworkingLoaders, CoworkingServices } from './services';

export type Context = SubgraphContext<CoworkingServices, CoworkingLoaders>;
