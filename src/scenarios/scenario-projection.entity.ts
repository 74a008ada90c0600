import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { bigintToNumber } from '../infra/database/column-types.js';
import type { ProjectionStatus } from '../projections/math/projection-math.js';
import type { AppliedChange } from './scenario-apply.js';

/** Headline figures of a projection: year-end median, intervals, probability, status. */
export interface ProjectionFigures {
  median: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
  probability: number;
  status: ProjectionStatus;
  contributionsTotal: number;
}

/**
 * A target's projection with a scenario applied, beside the official one computed from the
 * same inputs: one row per (scenario, target, scenario version, target inputs version), so a
 * job that runs twice stores one row.
 */
@Entity('scenario_projections')
@Index('UQ_scenario_projections_version', ['scenarioId', 'targetId', 'scenarioVersion', 'inputsVersion'], {
  unique: true,
})
export class ScenarioProjection {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  @ForeignKey('scenarios', { onDelete: 'CASCADE' })
  scenarioId!: string;

  @Column({ type: 'varchar', length: 36 })
  @ForeignKey('targets', { onDelete: 'CASCADE' })
  targetId!: string;

  @Column({ type: 'integer' })
  scenarioVersion!: number;

  /** The target's inputs version read before computing. */
  @Column({ type: 'integer' })
  inputsVersion!: number;

  @Column({ type: Date })
  computedAt!: Date;

  @Column({ type: 'integer' })
  durationMs!: number;

  @Column({ type: 'varchar', length: 10, nullable: true })
  asOf!: string | null;

  @Column({ type: 'bigint', transformer: bigintToNumber })
  targetTotal!: number;

  @Column({ type: 'simple-json' })
  official!: ProjectionFigures;

  @Column({ type: 'simple-json' })
  withScenario!: ProjectionFigures;

  @Column({ type: 'simple-json' })
  changes!: AppliedChange[];

  @Column({ type: 'simple-json' })
  notes!: string[];
}
