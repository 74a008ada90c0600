import type { VenueKind } from '../src/venues/venue.entity.js';

/**
 * Demo venues: the scenic areas and sites the 2022 Zhangjiajie government work report names
 * (chapter 二.(一)), plus the kinds of sites its events need. Names, districts and A-ratings are
 * public facts; the capacities are ILLUSTRATIVE round figures, not the officially published
 * 最大承载量, and every record says so in `note`.
 */
export interface VenueSeed {
  key: string;
  nameZh: string;
  nameEn: string;
  district: string;
  kind: VenueKind;
  aRating: number | null;
  maxDailyCapacity: number | null;
  instantaneousCapacity: number | null;
  note: string;
}

const ILLUSTRATIVE = 'Capacities illustrative (not the published 最大承载量)';

export const DEMO_VENUES: VenueSeed[] = [
  {
    key: 'wulingyuan',
    nameZh: '武陵源风景名胜区（张家界国家森林公园）',
    nameEn: 'Wulingyuan Scenic Area / Zhangjiajie National Forest Park',
    district: '武陵源区 (Wulingyuan District)',
    kind: 'scenic_area',
    aRating: 5,
    maxDailyCapacity: 80000,
    instantaneousCapacity: 30000,
    note: `World heritage site; 5A. ${ILLUSTRATIVE}`,
  },
  {
    key: 'tianmen',
    nameZh: '天门山国家森林公园',
    nameEn: 'Tianmen Mountain National Forest Park',
    district: '永定区 (Yongding District)',
    kind: 'scenic_area',
    aRating: 5,
    maxDailyCapacity: 30000,
    instantaneousCapacity: 10000,
    note: `5A. ${ILLUSTRATIVE}`,
  },
  {
    key: 'grand-canyon',
    nameZh: '张家界大峡谷',
    nameEn: 'Zhangjiajie Grand Canyon',
    district: '慈利县 (Cili County)',
    kind: 'scenic_area',
    aRating: 4,
    maxDailyCapacity: 20000,
    instantaneousCapacity: 6000,
    note: `4A, bidding for 5A in 2022 (work report). ${ILLUSTRATIVE}`,
  },
  {
    key: 'hongjiaguan',
    nameZh: '洪家关景区',
    nameEn: 'Hongjiaguan Scenic Area',
    district: '桑植县 (Sangzhi County)',
    kind: 'scenic_area',
    aRating: 4,
    maxDailyCapacity: 15000,
    instantaneousCapacity: 5000,
    note: `4A, bidding for 5A in 2022 (work report); red-tourism site. ${ILLUSTRATIVE}`,
  },
  {
    key: 'qixingshan',
    nameZh: '七星山旅游景区',
    nameEn: 'Qixingshan Scenic Area',
    district: '永定区 (Yongding District)',
    kind: 'scenic_area',
    aRating: null,
    maxDailyCapacity: 8000,
    instantaneousCapacity: 3000,
    note: `Under construction in 2022 ("加快建成七星山旅游景区"). ${ILLUSTRATIVE}`,
  },
  {
    key: 'long-march-park',
    nameZh: '长征国家文化公园（张家界段）',
    nameEn: 'Long March National Cultural Park (Zhangjiajie section)',
    district: '桑植县 (Sangzhi County)',
    kind: 'park',
    aRating: null,
    maxDailyCapacity: 10000,
    instantaneousCapacity: null,
    note: `Named in the work report. ${ILLUSTRATIVE}`,
  },
  {
    key: 'stadium',
    nameZh: '张家界市体育中心',
    nameEn: 'Zhangjiajie Sports Centre',
    district: '永定区 (Yongding District)',
    kind: 'stadium',
    aRating: null,
    maxDailyCapacity: 20000,
    instantaneousCapacity: 15000,
    note: `Illustrative venue and capacities`,
  },
  {
    key: 'square',
    nameZh: '张家界市城市广场',
    nameEn: 'Zhangjiajie City Square',
    district: '永定区 (Yongding District)',
    kind: 'square',
    aRating: null,
    maxDailyCapacity: 30000,
    instantaneousCapacity: 8000,
    note: 'Illustrative venue and capacities (night-economy events)',
  },
  {
    key: 'online',
    nameZh: '线上（云旅游、云直播）',
    nameEn: 'Online (cloud tourism and live streaming)',
    district: '全市 (city-wide)',
    kind: 'online',
    aRating: null,
    maxDailyCapacity: null,
    instantaneousCapacity: null,
    note: 'For online events: no carrying capacity',
  },
];
