import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Artist } from '../artist/artist.entity';

/** Who shows in an exhibition, in the order of the exhibition's credits. Not a GraphQL type. */
@Entity('exhibition_artist')
export class ExhibitionArtist {
  @PrimaryColumn('uuid', { name: 'exhibition_id' })
  exhibitionId!: string;

  @PrimaryColumn('uuid', { name: 'artist_id' })
  artistId!: string;

  @Column('smallint')
  position!: number;

  @ManyToOne(() => Artist)
  @JoinColumn({ name: 'artist_id' })
  artist!: Artist;
}
