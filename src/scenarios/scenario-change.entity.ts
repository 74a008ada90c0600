import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import type { ScenarioAction, ScenarioChangeDetails, ScenarioSubject } from './scenario-change.js';

/** One change of a scenario: a tentative item, or a cancel/move/change of an official one. */
@Entity('scenario_changes')
@Index('IDX_scenario_changes_scenario', ['scenarioId', 'seq'])
@Check('CHK_scenario_changes_action', `"action" IN ('add_campaign', 'add_event', 'cancel', 'move', 'change')`)
@Check('CHK_scenario_changes_subject', `"subjectType" IS NULL OR "subjectType" IN ('campaign', 'event')`)
export class ScenarioChange {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  @ForeignKey('scenarios', { onDelete: 'CASCADE' })
  scenarioId!: string;

  /** Order of application within the scenario. */
  @Column({ type: 'integer' })
  seq!: number;

  @Column({ type: 'varchar', length: 20 })
  action!: ScenarioAction;

  @Column({ type: 'varchar', length: 10, nullable: true })
  subjectType!: ScenarioSubject | null;

  /** The official campaign or event changed (no foreign key: it names one of two tables). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  subjectId!: string | null;

  @Column({ type: 'simple-json' })
  details!: ScenarioChangeDetails;

  @CreateDateColumn()
  createdAt!: Date;
}
