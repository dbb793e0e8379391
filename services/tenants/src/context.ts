import type { SubgraphContext } from '@maison/kit';
import type { TenantsLoaders, TenantsServices } from './services';

export type Context = SubgraphContext<TenantsServices, TenantsLoaders>;
