import type { OrganizationKind } from '../src/organizations/organization.entity.js';
import type { Role } from '../src/users/role.js';

/**
 * Demo organizations and users for the Zhangjiajie 2022 season. The bodies are the kinds the
 * 2022 government work report addresses (the bureau, scenic-area operators, sports and travel
 * organizers); the people are illustrative.
 */
export const DEMO_ORGANIZATIONS: { key: string; name: string; kind: OrganizationKind }[] = [
  {
    key: 'bureau',
    name: '张家界市文化旅游广电体育局 (Zhangjiajie Culture, Tourism, Radio, TV and Sports Bureau)',
    kind: 'tourism_bureau',
  },
  {
    key: 'tianmen',
    name: '张家界天门山旅游股份有限公司 (Tianmen Mountain Tourism Co.)',
    kind: 'scenic_area_operator',
  },
  {
    key: 'forest-park',
    name: '张家界国家森林公园管理处 (Zhangjiajie National Forest Park Administration)',
    kind: 'scenic_area_operator',
  },
  {
    key: 'sports',
    name: '张家界市体育赛事运营中心 (Zhangjiajie Sports Events Centre, illustrative)',
    kind: 'sports_association',
  },
  {
    key: 'travel',
    name: '湖南省中国旅行社张家界分社 (CTS Hunan, Zhangjiajie branch, illustrative)',
    kind: 'travel_agency',
  },
];

/**
 * The one password of every demo user, in development only (`npm start` prints it). Production
 * never seeds it: there users get invitations or `npm run cli -- set-password`.
 */
export const DEMO_PASSWORD = 'demo-password-2022';

export const DEMO_USERS: { name: string; email: string; role: Role; organization?: string }[] = [
  { name: 'Demo admin', email: 'admin@planner.local', role: 'admin', organization: 'bureau' },
  {
    name: '王芳 (bureau planner, illustrative)',
    email: 'planner@planner.local',
    role: 'planner',
    organization: 'bureau',
  },
  {
    name: '张伟 (Tianmen Mountain events, illustrative)',
    email: 'tianmen@planner.local',
    role: 'organizer',
    organization: 'tianmen',
  },
  {
    name: '刘洋 (Forest Park events, illustrative)',
    email: 'forest-park@planner.local',
    role: 'organizer',
    organization: 'forest-park',
  },
  { name: '陈静 (leadership office, illustrative)', email: 'viewer@planner.local', role: 'viewer' },
];
