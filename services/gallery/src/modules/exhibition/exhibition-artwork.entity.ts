import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Artwork } from '../artwork/artwork.entity';

/** What hangs in an exhibition, in the order of its catalogue. Not a GraphQL type. */
@Entity('exhibition_artwork')
export class ExhibitionArtwork {
  @PrimaryColumn('uuid', { name: 'exhibition_id' })
  exhibitionId!: string;

  @PrimaryColumn('uuid', { name: 'artwork_id' })
  artworkId!: string;

  @Column('smallint')
  position!: number;

  @ManyToOne(() => Artwork)
  @JoinColumn({ name: 'artwork_id' })
  artwork!: Artwork;
}
