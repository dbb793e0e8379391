import type { DataSource } from 'typeorm';
import type { Identity } from '@maison/auth';
import type { Lang } from '@maison/config';

/** What every resolver of a subgraph receives. Loaders are new for each request, never shared. */
export interface SubgraphContext<Services = unknown, Loaders = unknown> {
  identity: Identity;
  lang: Lang;
  requestId: string;
  services: Services;
  loaders: Loaders;
  ds: DataSource;
}

export interface RequestScope {
  identity: Identity;
  lang: Lang;
}
