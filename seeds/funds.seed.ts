import type { FundKind } from '../src/funds/fund-kinds.js';

/**
 * Demo funds of 2022 and their allocations to the seeded campaigns (seeds/planning.seed.ts,
 * by campaign key). The 2022 work report asks the city to pool money of every kind into
 * marketing (整合各类资金投入旅游营销) but names no amounts: every amount here is ILLUSTRATIVE,
 * and every fund says so in `note`. Each campaign's allocations add up to its seeded budget.
 */
export const FUND_NOTE = 'Illustrative amount for the demo; the 2022 work report names no figures';

export interface FundSeed {
  key: string;
  name: string;
  kind: FundKind;
  amountYuan: number;
  responsibleUnit: string;
}

export const DEMO_FUNDS: FundSeed[] = [
  {
    key: 'municipal',
    name: '2022 年市级旅游营销专项资金',
    kind: 'municipal_budget',
    amountYuan: 25_000_000,
    responsibleUnit: '市财政局',
  },
  {
    key: 'provincial',
    name: '2022 年省级旅游发展专项资金（营销部分）',
    kind: 'provincial_special',
    amountYuan: 10_000_000,
    responsibleUnit: '湖南省文化和旅游厅',
  },
  {
    key: 'district',
    name: '2022 年武陵源区旅游营销经费',
    kind: 'district',
    amountYuan: 4_000_000,
    responsibleUnit: '武陵源区人民政府',
  },
  {
    key: 'enterprise',
    name: '2022 年景区企业联合营销资金',
    kind: 'enterprise_cofunding',
    amountYuan: 6_000_000,
    responsibleUnit: '张家界天门山旅游股份有限公司',
  },
  {
    key: 'sponsorship',
    name: '2022 年赛事冠名赞助',
    kind: 'sponsorship',
    amountYuan: 3_000_000,
    responsibleUnit: '张家界市体育赛事运营中心',
  },
];

/** [fund key, campaign key, yuan]. */
export const DEMO_ALLOCATIONS: [string, string, number][] = [
  ['municipal', 'media', 8_000_000],
  ['provincial', 'media', 4_000_000],
  ['provincial', 'overseas', 3_000_000],
  ['municipal', 'festival', 2_000_000],
  ['district', 'festival', 3_000_000],
  ['municipal', 'sports', 3_000_000],
  ['provincial', 'sports', 2_000_000],
  ['sponsorship', 'sports', 3_000_000],
  ['municipal', 'regional', 2_000_000],
  ['municipal', 'online', 1_500_000],
  ['enterprise', 'influencer', 1_200_000],
  ['municipal', 'rail', 2_500_000],
  ['district', 'rail', 1_000_000],
  ['municipal', 'new-media', 2_500_000],
  ['enterprise', 'travel-agency', 4_000_000],
];
