import type { DataSource } from 'typeorm';
import { House } from './house.entity';

export class HouseService {
  constructor(private readonly ds: DataSource) {}

  async get(): Promise<House> {
    return this.ds.getRepository(House).findOneByOrFail({});
  }
}
