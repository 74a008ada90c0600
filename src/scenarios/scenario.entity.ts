import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A planner's what-if plan: tentative items and changes to official ones, kept apart from the
 * official plan. `version` is bumped by every change of its contents, so stored projections
 * say which version they were computed from.
 */
@Entity('scenarios')
export class Scenario {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'varchar', length: 36, nullable: true })
  createdById!: string | null;

  @CreateDateColumn()
  createdAt!: Date;

  @Column({ type: Date })
  updatedAt!: Date;
}
