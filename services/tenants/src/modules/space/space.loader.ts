import type { DataSource } from 'typeorm';
import { entityLoader } from '@maison/kit';
import { SharedSpace } from './shared-space.entity';

export function spaceLoaders(ds: DataSource) {
  return { spaceById: entityLoader(ds, SharedSpace) };
}
