import type { OrganizationKind } from '../src/organizations/organization.entity.js';
import type { Role } from '../src/users/role.js';

/**
 * Demo organizations and users for the Zhangjiajie 2022 season. The bodies are the kinds the
 * 2022 government work report addresses (the bureau, scenic-area operators, sports and travel
 * organizers); the people are illustrative. Names are as the bodies write them, in Chinese: a
 * campaign's responsible unit that is one of these bodies uses the same name, so the scoreboard
 * counts the body once.
 */
export const DEMO_ORGANIZATIONS: { key: string; name: string; kind: OrganizationKind }[] = [
  {
    key: 'bureau',
    name: '张家界市文化旅游广电体育局',
    kind: 'tourism_bureau',
  },
  {
    key: 'tianmen',
    name: '张家界天门山旅游股份有限公司',
    kind: 'scenic_area_operator',
  },
  {
    key: 'forest-park',
    name: '张家界国家森林公园管理处',
    kind: 'scenic_area_operator',
  },
  {
    key: 'sports',
    name: '张家界市体育赛事运营中心',
    kind: 'sports_association',
  },
  {
    key: 'travel',
    name: '湖南省中国旅行社张家界分社',
    kind: 'travel_agency',
  },
];

/**
 * The one password of every demo user, in development only (`npm start` prints it). Production
 * never seeds it: there users get invitations or `npm run cli -- set-password`.
 */
export const DEMO_PASSWORD = 'demo-password-2022';

export const DEMO_USERS: { name: string; email: string; role: Role; organization?: string }[] = [
  { name: '管理员（演示）', email: 'admin@planner.local', role: 'admin', organization: 'bureau' },
  {
    name: '王芳',
    email: 'planner@planner.local',
    role: 'planner',
    organization: 'bureau',
  },
  {
    name: '张伟',
    email: 'tianmen@planner.local',
    role: 'organizer',
    organization: 'tianmen',
  },
  {
    name: '刘洋',
    email: 'forest-park@planner.local',
    role: 'organizer',
    organization: 'forest-park',
  },
  { name: '陈静', email: 'viewer@planner.local', role: 'viewer' },
];
