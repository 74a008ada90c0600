import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import { User } from '../../users/user.entity.js';

export const TOKEN_PURPOSES = ['api', 'calendar'] as const;
/** `api` tokens authenticate requests; `calendar` tokens only open that user's private iCalendar feed. */
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number];

/** An opaque bearer token. Only its SHA-256 is stored; the token itself is shown once. */
@Entity('api_tokens')
export class ApiToken {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: Relation<User>;

  @Column({ type: 'varchar', length: 20 })
  purpose!: TokenPurpose;

  /** What the token is for, as its owner named it ("nightly import"); null for older tokens. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  name!: string | null;

  @Column({ type: 'varchar', length: 64, unique: true })
  tokenHash!: string;

  /** The first characters of the token, to tell tokens apart in listings. */
  @Column({ type: 'varchar', length: 16 })
  prefix!: string;

  @CreateDateColumn()
  createdAt!: Date;

  @Column({ type: Date, nullable: true })
  lastUsedAt!: Date | null;

  @Column({ type: Date, nullable: true })
  revokedAt!: Date | null;
}
