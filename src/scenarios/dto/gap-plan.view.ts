import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ChannelCostView {
  @ApiProperty({ example: 'regional' })
  channel!: string;

  @ApiProperty({ example: '省内游、周边游 (in-province and nearby tours)' })
  label!: string;

  @ApiProperty({ example: 33.3, description: 'Yuan per extra visitor (or per extra yuan of revenue).' })
  costPerUnit!: number;

  @ApiProperty({
    enum: ['measured', 'expected'],
    description:
      '`measured`: actual spend ÷ measured increment of the channel’s campaigns whose effect was measured; `expected`: budget ÷ expected increment (nothing measured yet).',
  })
  basis!: 'measured' | 'expected';

  @ApiProperty({ example: 2 })
  campaigns!: number;

  @ApiProperty({ example: 2000000 })
  spendYuan!: number;

  @ApiProperty({ example: 60000 })
  units!: number;
}

export class GapChannelView {
  @ApiProperty({ example: 'regional' })
  channel!: string;

  @ApiProperty({ enum: ['measured', 'expected'] })
  basis!: 'measured' | 'expected';

  @ApiProperty({ example: 33.3 })
  costPerUnit!: number;

  @ApiProperty({ example: 4000000, description: 'Yuan to buy the whole extra amount in this channel.' })
  costYuan!: number;

  @ApiProperty({ example: 120000, description: 'The same per remaining week.' })
  costPerWeekYuan!: number;
}

export class GapLevelView {
  @ApiProperty({ example: 0.8 })
  probability!: number;

  @ApiProperty({ example: 1200000, description: 'Extra visitors (or yuan) over the rest of the year.' })
  extraTotal!: number;

  @ApiProperty({ example: 32000, description: 'The same per remaining week.' })
  extraPerWeek!: number;

  @ApiProperty({ example: 0.8, description: 'The probability once the extra amount is added.' })
  reached!: number;

  @ApiProperty({ type: [GapChannelView], description: 'What it means in the cheapest channels first.' })
  channels!: GapChannelView[];
}

export class GapPlanView {
  @ApiProperty({ format: 'uuid' })
  targetId!: string;

  @ApiProperty({ enum: ['visitors', 'revenue'] })
  metric!: 'visitors' | 'revenue';

  @ApiProperty({ enum: ['visitors', 'yuan'] })
  unit!: 'visitors' | 'yuan';

  @ApiProperty({ description: 'The projection it rests on is older than the latest inputs.' })
  stale!: boolean;

  @ApiPropertyOptional({ nullable: true, type: String })
  asOf!: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' })
  computedAt!: string | null;

  @ApiProperty({ example: 22000000 })
  targetTotal!: number;

  @ApiPropertyOptional({ nullable: true, type: Number, example: 20500000 })
  median!: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number, example: 0.21 })
  probability!: number | null;

  @ApiProperty({ example: 265 })
  daysRemaining!: number;

  @ApiProperty({ type: [GapLevelView], description: 'For 50 % and 80 %; empty until the first projection.' })
  levels!: GapLevelView[];

  @ApiProperty({ type: [ChannelCostView], description: 'Cost per extra unit by channel, cheapest first.' })
  channelCosts!: ChannelCostView[];

  @ApiProperty({ type: [String] })
  notes!: string[];
}
