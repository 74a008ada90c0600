import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One failed sign-in, counted against a key (`account:<email>` or `address:<ip>`). Kept in the
 * database rather than Redis so the limit holds across API processes without a Redis call on
 * the sign-in path; rows older than the window are deleted as new ones arrive.
 */
@Entity('sign_in_failures')
@Index(['key', 'at'])
export class SignInFailure {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 400 })
  key!: string;

  @Index()
  @Column({ type: Date })
  at!: Date;
}
