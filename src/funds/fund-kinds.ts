/** The pools of money the bureau integrates (整合各类资金). Pure. */
export const FUND_KINDS = [
  'municipal_budget',
  'provincial_special',
  'district',
  'enterprise_cofunding',
  'sponsorship',
  'other',
] as const;
export type FundKind = (typeof FUND_KINDS)[number];
