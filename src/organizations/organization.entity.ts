import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export const ORGANIZATION_KINDS = [
  'tourism_bureau',
  'scenic_area_operator',
  'sports_association',
  'travel_agency',
  'cultural_company',
  'government_department',
  'media',
  'other',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** A department or enterprise: event organizers belong to one; it is also a "responsible unit". */
@Entity('organizations')
export class Organization {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 200, unique: true })
  name!: string;

  @Column({ type: 'varchar', length: 40 })
  kind!: OrganizationKind;

  /** Bumped on every change; sent as `ETag`, checked against `If-Match` on writes. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn()
  createdAt!: Date;
}
