import type { DataSource } from 'typeorm';
import { SharedSpace } from './shared-space.entity';

export class SpaceService {
  constructor(private readonly ds: DataSource) {}

  list(): Promise<SharedSpace[]> {
    return this.ds.getRepository(SharedSpace).find({ order: { slug: 'ASC' } });
  }
}
