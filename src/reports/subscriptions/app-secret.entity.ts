import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * Secrets generated once per installation and shared by every process through the database
 * (e.g. the signing key used when `SIGNING_SECRET` is empty in development and tests).
 */
@Entity('app_secrets')
export class AppSecret {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  name!: string;

  @Column({ type: 'varchar', length: 200 })
  value!: string;

  @CreateDateColumn()
  createdAt!: Date;
}
