import type { DataSource } from 'typeorm';
import { entityLoader } from '@maison/kit';
import { Artist } from './artist.entity';

export function artistLoaders(ds: DataSource) {
  return { artistById: entityLoader(ds, Artist) };
}
