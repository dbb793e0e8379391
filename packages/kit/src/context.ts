import type { DataSource } from 'typeorm';
import type { RequestScope } from '@maison/house';

/** What every resolver of a subgraph receives. Loaders are new for each request, never shared. */
export interface SubgraphContext<Services = unknown, Loaders = unknown> extends RequestScope {
  requestId: string;
  services: Services;
  loaders: Loaders;
  ds: DataSource;
}
