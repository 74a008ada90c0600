import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  NOT_RANKED_CODES,
  UNMEASURED_CODES,
  type NotRankedCode,
  type ScoreRow,
  type UnmeasuredCode,
  type UnmeasuredItem,
} from '../scoreboard-math.js';
import { GROUP_BY } from './scoreboard.query.js';

class UnmeasuredItemView implements UnmeasuredItem {
  @ApiProperty({ enum: ['campaign', 'event'] })
  kind!: 'campaign' | 'event';

  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: ['not_measurable', 'pending', 'measured', 'no_effect_detectable'] })
  verdict!: UnmeasuredItem['verdict'];

  @ApiProperty({ example: 'the effect window lacks actuals for 3 of its 10 day(s)' })
  reason!: string;

  @ApiProperty({
    enum: UNMEASURED_CODES,
    description: '`reason` as a stable code, for translation',
    example: 'window_lacks_actuals',
  })
  reasonCode!: UnmeasuredCode;
}

class ExpectedFiguresView {
  @ApiProperty({ example: 140000, description: 'Sum of the items’ expected incremental visitors.' })
  visitors!: number;

  @ApiProperty({ example: 120000000, description: 'Sum of the items’ expected incremental revenue.' })
  revenueYuan!: number;
}

class MoneyMeasureView {
  @ApiProperty({ example: 2 })
  items!: number;

  @ApiProperty({ example: 1, description: 'Of those, with an 80 % interval that excludes zero.' })
  significant!: number;

  @ApiPropertyOptional({ nullable: true, type: Number, example: 61000 })
  visitors!: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number, example: 52000000 })
  revenueYuan!: number | null;

  @ApiProperty({ example: 1850000 })
  spendYuan!: number;
}

class UnmeasuredView {
  @ApiProperty({ example: 1 })
  items!: number;

  @ApiProperty({ example: 500000, description: 'Spend of completed campaigns without a measurement.' })
  spendYuan!: number;

  @ApiProperty({ type: [UnmeasuredItemView] })
  list!: UnmeasuredItemView[];
}

class DisciplineView {
  @ApiPropertyOptional({ nullable: true, type: Number, example: 0.75 })
  rate!: number | null;

  @ApiProperty()
  campaignsDue!: number;

  @ApiProperty()
  campaignsOnTime!: number;

  @ApiProperty()
  eventsDue!: number;

  @ApiProperty()
  eventsCompleted!: number;
}

class RanksView {
  @ApiPropertyOptional({ nullable: true, type: Number, example: 1 })
  yuanPerMeasuredVisitor!: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number, example: 2 })
  measuredRevenuePerYuan!: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number, example: 1 })
  discipline!: number | null;
}

export class ScoreRowView implements ScoreRow {
  @ApiProperty({ example: '市文旅广体局市场管理科' })
  key!: string;

  @ApiProperty({ example: '市文旅广体局市场管理科' })
  label!: string;

  @ApiProperty()
  campaigns!: number;

  @ApiProperty()
  events!: number;

  @ApiProperty({ example: 5500000 })
  budgetYuan!: number;

  @ApiProperty({ example: 5500000 })
  allocatedYuan!: number;

  @ApiProperty({ example: 1850000 })
  spentYuan!: number;

  @ApiPropertyOptional({ nullable: true, type: Number, example: 0.34, description: 'spent ÷ allocated.' })
  utilisation!: number | null;

  @ApiProperty({ type: ExpectedFiguresView })
  expected!: ExpectedFiguresView;

  @ApiProperty({ type: MoneyMeasureView })
  measured!: MoneyMeasureView;

  @ApiProperty({
    type: UnmeasuredView,
    description: 'Completed items without a measurement: counted apart, never as zero.',
  })
  unmeasured!: UnmeasuredView;

  @ApiProperty({ description: 'Items not completed yet.' })
  open!: number;

  @ApiPropertyOptional({ nullable: true, type: Number, example: 30.3 })
  yuanPerMeasuredVisitor!: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number, example: 28.1 })
  measuredRevenuePerYuan!: number | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'no campaign completed yet' })
  notRankedBecause!: string | null;

  @ApiPropertyOptional({
    nullable: true,
    enum: NOT_RANKED_CODES,
    description: '`notRankedBecause` as a stable code, for translation',
    example: 'no_campaign_completed',
  })
  notRankedCode!: NotRankedCode | null;

  @ApiProperty({ type: DisciplineView })
  discipline!: DisciplineView;

  @ApiProperty({ type: RanksView })
  ranks!: RanksView;
}

/** The group with the most measured visitors per yuan. */
export class ScoreboardLeaderView {
  @ApiProperty({ example: 'regional' })
  key!: string;

  @ApiProperty({ example: 'regional' })
  label!: string;

  @ApiProperty({ example: 30.3 })
  yuanPerMeasuredVisitor!: number;

  @ApiProperty({ example: 0.033 })
  visitorsPerYuan!: number;
}

export class ScoreboardView {
  @ApiProperty({ example: 2022 })
  year!: number;

  @ApiProperty({ enum: GROUP_BY })
  by!: (typeof GROUP_BY)[number];

  @ApiProperty({ example: '2022-04-11', description: 'The day discipline is judged on.' })
  today!: string;

  @ApiProperty({
    type: [ScoreRowView],
    description: 'Ranked rows first (by yuan per measured visitor), then the rest.',
  })
  rows!: ScoreRowView[];

  @ApiPropertyOptional({
    type: ScoreboardLeaderView,
    nullable: true,
    description:
      'The group that brings the most measured visitors per yuan (the channel view answers “which channel”).',
    example: { key: 'regional', label: 'regional', yuanPerMeasuredVisitor: 30.3, visitorsPerYuan: 0.033 },
  })
  leader!: ScoreboardLeaderView | null;

  @ApiProperty({ type: [String] })
  caveats!: string[];
}
