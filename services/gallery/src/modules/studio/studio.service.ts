import type { DataSource } from 'typeorm';
import { Studio } from './studio.entity';

export class StudioService {
  constructor(private readonly ds: DataSource) {}

  list(): Promise<Studio[]> {
    return this.ds.getRepository(Studio).find({ order: { slug: 'ASC' } });
  }

  bySlug(slug: string): Promise<Studio | null> {
    return this.ds.getRepository(Studio).findOneBy({ slug });
  }
}
