import { Check, Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const VENUE_KINDS = [
  'scenic_area',
  'stadium',
  'square',
  'theatre',
  'museum',
  'park',
  'town',
  'online',
  'other',
] as const;
export type VenueKind = (typeof VENUE_KINDS)[number];

/** A scenic area or event site, with the carrying capacity events are checked against. */
@Entity('venues')
@Check(
  'CHK_venues_kind',
  `"kind" IN ('scenic_area', 'stadium', 'square', 'theatre', 'museum', 'park', 'town', 'online', 'other')`,
)
@Check('CHK_venues_rating', `"aRating" IS NULL OR "aRating" BETWEEN 1 AND 5`)
@Check('CHK_venues_capacity', `"maxDailyCapacity" IS NULL OR "maxDailyCapacity" > 0`)
@Check('CHK_venues_instant_capacity', `"instantaneousCapacity" IS NULL OR "instantaneousCapacity" > 0`)
export class Venue {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 200, unique: true })
  nameZh!: string;

  @Column({ type: 'varchar', length: 200 })
  nameEn!: string;

  /** District or county (永定区, 武陵源区, 慈利县, 桑植县...). */
  @Column({ type: 'varchar', length: 100 })
  district!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: VenueKind;

  /** National A-level rating of a scenic area (1-5), where it has one. */
  @Column({ type: 'integer', nullable: true })
  aRating!: number | null;

  /** Maximum daily carrying capacity (最大承载量), visitors per day; null where none applies (online). */
  @Column({ type: 'integer', nullable: true })
  maxDailyCapacity!: number | null;

  /** Instantaneous capacity (瞬时承载量), visitors at once. */
  @Column({ type: 'integer', nullable: true })
  instantaneousCapacity!: number | null;

  /** IANA zone of the venue; event times are shown in it. */
  @Column({ type: 'varchar', length: 64, default: 'Asia/Shanghai' })
  timeZone!: string;

  /** Where the figures come from, or that they are illustrative. */
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  /** Bumped on every change; sent as `ETag`, checked against `If-Match` on writes. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;
}
