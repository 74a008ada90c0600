import type { CampaignChannel, CampaignStatus } from '../src/campaigns/campaign-status.js';
import type { EventCategory, EventStatus } from '../src/events/event-status.js';

/**
 * Demo campaigns and events of the 2022 season: the four events and the marketing channels that
 * the 2022 Zhangjiajie government work report names (chapter 二.(一)). The report gives no dates,
 * budgets, attendance or responsible units: all of those are ILLUSTRATIVE, and every record says
 * so in `note`. The states are spread over the workflows so that the demo has something to do.
 */
const ILLUSTRATIVE = 'Named in the 2022 work report; dates and figures illustrative';

export interface CampaignSeed {
  key: string;
  name: string;
  description: string;
  channel: CampaignChannel;
  status: CampaignStatus;
  budgetYuan: number;
  startDate: string;
  endDate: string;
  targetMarkets: string[];
  responsibleUnit: string;
  /** Organization key of the demo seed, when the unit is one of them. */
  responsibleOrganization?: string;
  expectedIncrementalVisitors: number;
  expectedIncrementalRevenueYuan: number;
  actualSpendYuan?: number;
  note: string;
}

export const DEMO_CAMPAIGNS: CampaignSeed[] = [
  {
    key: 'media',
    name: '大台网大媒：旅游营销全媒体矩阵',
    description: '在主流电视台、网络平台投放张家界形象宣传 (national TV and network platforms)',
    channel: 'media',
    status: 'active',
    budgetYuan: 12_000_000,
    startDate: '2022-03-01',
    endDate: '2022-12-31',
    targetMarkets: ['全国 (national)'],
    responsibleUnit: '市文旅广体局宣传推广科',
    responsibleOrganization: 'bureau',
    expectedIncrementalVisitors: 300_000,
    expectedIncrementalRevenueYuan: 270_000_000,
    note: ILLUSTRATIVE,
  },
  {
    key: 'overseas',
    name: '境外招商与入境市场推介',
    description: '日韩、东南亚线上推介会与旅行商对接 (online roadshows for overseas markets)',
    channel: 'overseas',
    status: 'scheduled',
    budgetYuan: 3_000_000,
    startDate: '2022-06-01',
    endDate: '2022-11-30',
    targetMarkets: ['韩国 (Korea)', '日本 (Japan)', '东南亚 (Southeast Asia)'],
    responsibleUnit: '市文旅广体局国际交流科',
    responsibleOrganization: 'bureau',
    expectedIncrementalVisitors: 10_000,
    expectedIncrementalRevenueYuan: 25_000_000,
    note: ILLUSTRATIVE,
  },
  {
    key: 'festival',
    name: '节会营销：张家界国家森林公园成立40周年',
    description: '围绕40周年庆祝活动的节会宣传 (festival marketing around the anniversary)',
    channel: 'festival',
    status: 'scheduled',
    budgetYuan: 5_000_000,
    startDate: '2022-08-15',
    endDate: '2022-10-15',
    targetMarkets: ['长沙', '武汉', '重庆', '广州'],
    responsibleUnit: '张家界国家森林公园管理处',
    responsibleOrganization: 'forest-park',
    expectedIncrementalVisitors: 60_000,
    expectedIncrementalRevenueYuan: 54_000_000,
    note: ILLUSTRATIVE,
  },
  {
    key: 'sports',
    name: '赛事营销：翼装飞行世锦赛与环天门山马拉松',
    description: '以赛事带旅游 (sports events as tourism marketing)',
    channel: 'sports_event',
    status: 'scheduled',
    budgetYuan: 8_000_000,
    startDate: '2022-09-01',
    endDate: '2022-11-30',
    targetMarkets: ['全国 (national)', '户外运动爱好者 (outdoor-sports fans)'],
    responsibleUnit: '张家界市体育赛事运营中心',
    responsibleOrganization: 'sports',
    expectedIncrementalVisitors: 80_000,
    expectedIncrementalRevenueYuan: 90_000_000,
    note: ILLUSTRATIVE,
  },
  {
    key: 'regional',
    name: '省内游、周边游：“湘当好玩·张家界”',
    description: '面向省内及周边省市的自驾游、周末游 (in-province and nearby tours)',
    channel: 'regional',
    status: 'completed',
    budgetYuan: 2_000_000,
    startDate: '2022-04-01',
    endDate: '2022-06-30',
    targetMarkets: ['长沙', '常德', '湘西', '恩施', '重庆'],
    responsibleUnit: '市文旅广体局市场管理科',
    responsibleOrganization: 'bureau',
    expectedIncrementalVisitors: 120_000,
    expectedIncrementalRevenueYuan: 60_000_000,
    actualSpendYuan: 1_850_000,
    note: ILLUSTRATIVE,
  },
  {
    key: 'online',
    name: '网络营销：云旅游、云直播',
    description: '景区云直播与线上预约 (cloud tourism, live streams)',
    channel: 'online',
    status: 'active',
    budgetYuan: 1_500_000,
    startDate: '2022-02-01',
    endDate: '2022-12-31',
    targetMarkets: ['全国 (national)'],
    responsibleUnit: '市文旅广体局智慧旅游中心',
    responsibleOrganization: 'bureau',
    expectedIncrementalVisitors: 50_000,
    expectedIncrementalRevenueYuan: 35_000_000,
    note: ILLUSTRATIVE,
  },
  {
    key: 'influencer',
    name: '网红营销：网红打卡点推广',
    description: '邀请旅游达人打卡标志性景点 (influencers at signature spots)',
    channel: 'influencer',
    status: 'draft',
    budgetYuan: 1_200_000,
    startDate: '2022-07-01',
    endDate: '2022-08-31',
    targetMarkets: ['18-35岁 (young travellers)'],
    responsibleUnit: '张家界天门山旅游股份有限公司',
    responsibleOrganization: 'tianmen',
    expectedIncrementalVisitors: 40_000,
    expectedIncrementalRevenueYuan: 30_000_000,
    note: ILLUSTRATIVE,
  },
  {
    key: 'rail',
    name: '高铁营销：张吉怀高铁沿线推广',
    description: '高铁站广告与冠名列车 (station ads and named trains)',
    channel: 'high_speed_rail',
    status: 'active',
    budgetYuan: 3_500_000,
    startDate: '2022-03-15',
    endDate: '2022-09-30',
    targetMarkets: ['怀化', '吉首', '长沙', '广州'],
    responsibleUnit: '市文旅广体局市场管理科',
    responsibleOrganization: 'bureau',
    expectedIncrementalVisitors: 90_000,
    expectedIncrementalRevenueYuan: 72_000_000,
    note: ILLUSTRATIVE,
  },
  {
    key: 'new-media',
    name: '新媒体平台战略合作',
    description: '与短视频、内容平台签订战略合作 (strategic cooperation with new-media platforms)',
    channel: 'new_media_partnership',
    status: 'scheduled',
    budgetYuan: 2_500_000,
    startDate: '2022-05-01',
    endDate: '2022-12-31',
    targetMarkets: ['全国 (national)'],
    responsibleUnit: '市文旅广体局宣传推广科',
    responsibleOrganization: 'bureau',
    expectedIncrementalVisitors: 70_000,
    expectedIncrementalRevenueYuan: 50_000_000,
    note: ILLUSTRATIVE,
  },
  {
    key: 'travel-agency',
    name: '引进国内外知名旅行社',
    description: '引进知名旅行社设立分支、开发专线产品 (bringing in well-known travel agencies)',
    channel: 'travel_agency',
    status: 'active',
    budgetYuan: 4_000_000,
    startDate: '2022-03-01',
    endDate: '2022-12-31',
    targetMarkets: ['全国 (national)', '入境 (inbound)'],
    responsibleUnit: '湖南省中国旅行社张家界分社',
    responsibleOrganization: 'travel',
    expectedIncrementalVisitors: 100_000,
    expectedIncrementalRevenueYuan: 95_000_000,
    note: ILLUSTRATIVE,
  },
];

export interface EventSeed {
  titleZh: string;
  titleEn: string;
  description: string;
  category: EventCategory;
  status: EventStatus;
  /** Organization key of the demo seed. */
  organization: string;
  /** Venue key of seeds/venues.seed.ts. */
  venue: string;
  /** Local times in the venue's zone (Asia/Shanghai). */
  startsAt: string;
  endsAt: string;
  expectedAttendance: number;
  expectedOutsideCitySharePct: number;
  expectedSpendPerAttendeeYuan: number;
  contactName: string;
  campaign?: string;
  actualAttendance?: number;
  actualRevenueYuan?: number;
  note: string;
}

export const DEMO_EVENTS: EventSeed[] = [
  {
    titleZh: '全国新年登高健身活动（张家界站）',
    titleEn: 'National New Year Climbing Fitness Activity (Zhangjiajie)',
    description: '元旦登高迎新 (climbing on New Year’s Day)',
    category: 'sports',
    status: 'completed',
    organization: 'sports',
    venue: 'tianmen',
    startsAt: '2022-01-01T08:00',
    endsAt: '2022-01-01T16:00',
    expectedAttendance: 5000,
    expectedOutsideCitySharePct: 40,
    expectedSpendPerAttendeeYuan: 600,
    contactName: '陈老师 (illustrative)',
    actualAttendance: 4600,
    actualRevenueYuan: 2_500_000,
    note: `${ILLUSTRATIVE}, actual attendance and revenue included`,
  },
  {
    titleZh: '张家界国家森林公园成立40周年庆祝活动',
    titleEn: '40th Anniversary Celebration of Zhangjiajie National Forest Park',
    description: '中国第一个国家森林公园成立40周年 (China’s first national forest park, founded 1982)',
    category: 'festival',
    status: 'approved',
    organization: 'forest-park',
    venue: 'wulingyuan',
    startsAt: '2022-09-24T09:00',
    endsAt: '2022-09-26T18:00',
    expectedAttendance: 90000,
    expectedOutsideCitySharePct: 80,
    expectedSpendPerAttendeeYuan: 1200,
    contactName: '刘洋 (illustrative)',
    campaign: 'festival',
    note: ILLUSTRATIVE,
  },
  {
    titleZh: '第九届天门山翼装飞行世界锦标赛',
    titleEn: '9th Tianmen Mountain Wingsuit Flying World Championship',
    description: '翼装飞行世界顶尖选手齐聚天门山 (wingsuit world championship)',
    category: 'sports',
    status: 'submitted',
    organization: 'tianmen',
    venue: 'tianmen',
    startsAt: '2022-10-14T09:00',
    endsAt: '2022-10-16T17:00',
    expectedAttendance: 75000,
    expectedOutsideCitySharePct: 75,
    expectedSpendPerAttendeeYuan: 1500,
    contactName: '张伟 (illustrative)',
    campaign: 'sports',
    note: ILLUSTRATIVE,
  },
  {
    titleZh: '环天门山马拉松',
    titleEn: 'Around-Tianmen-Mountain Marathon',
    description: '环绕天门山的马拉松赛 (marathon around Tianmen Mountain)',
    category: 'sports',
    status: 'draft',
    organization: 'sports',
    venue: 'tianmen',
    startsAt: '2022-11-06T07:30',
    endsAt: '2022-11-06T14:00',
    expectedAttendance: 12000,
    expectedOutsideCitySharePct: 60,
    expectedSpendPerAttendeeYuan: 1300,
    contactName: '陈老师 (illustrative)',
    campaign: 'sports',
    note: ILLUSTRATIVE,
  },
];
