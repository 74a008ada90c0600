import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import { Organization } from '../organizations/organization.entity.js';
import type { Role } from './role.js';

@Entity('users')
@Check(`"role" IN ('admin', 'planner', 'organizer', 'viewer')`)
export class User {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 320, nullable: true, unique: true })
  email!: string | null;

  @Column({ type: 'varchar', length: 20 })
  role!: Role;

  /** Set for organizers (required) and optional for others. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  organizationId!: string | null;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'organizationId' })
  organization?: Relation<Organization> | null;

  /**
   * argon2id hash of the console password, or null (no password: API tokens only, or an invited
   * user who has not accepted yet). Never selected unless asked for by name.
   */
  @Column({ type: 'varchar', length: 200, nullable: true, select: false })
  passwordHash?: string | null;

  @Column({ type: Date, nullable: true })
  passwordSetAt!: Date | null;

  @Column({ type: Date, nullable: true })
  lastSignInAt!: Date | null;

  /** Bumped on every edit of name, role or organization; sent as `ETag`, checked against `If-Match`. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn()
  createdAt!: Date;
}
