import { AuditOutlined, CalendarOutlined, DashboardOutlined, ScheduleOutlined } from '@ant-design/icons';
import {
  AimOutlined,
  BarChartOutlined,
  BranchesOutlined,
  WalletOutlined,
  FileTextOutlined,
  NotificationOutlined,
  SettingOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { matchPath } from 'react-router';
import type { Role } from '../auth/session';
import { ROUTES } from './routes';

export interface NavItem {
  path: string;
  /** Key in the `app` namespace's `nav` messages. */
  label:
    | 'overview'
    | 'calendar'
    | 'events'
    | 'approvals'
    | 'campaigns'
    | 'targets'
    | 'reports'
    | 'funds'
    | 'scoreboard'
    | 'scenarios'
    | 'admin'
    | 'account';
  icon: ReactNode;
}

/** The menu, in order. Who sees an entry follows the roles of its route in `routes.tsx`. */
export const NAV: NavItem[] = [
  { path: '/', label: 'overview', icon: <DashboardOutlined /> },
  { path: '/calendar', label: 'calendar', icon: <CalendarOutlined /> },
  { path: '/events', label: 'events', icon: <ScheduleOutlined /> },
  { path: '/approvals', label: 'approvals', icon: <AuditOutlined /> },
  { path: '/campaigns', label: 'campaigns', icon: <NotificationOutlined /> },
  { path: '/targets', label: 'targets', icon: <AimOutlined /> },
  { path: '/reports', label: 'reports', icon: <FileTextOutlined /> },
  { path: '/funds', label: 'funds', icon: <WalletOutlined /> },
  { path: '/scoreboard', label: 'scoreboard', icon: <BarChartOutlined /> },
  { path: '/scenarios', label: 'scenarios', icon: <BranchesOutlined /> },
  { path: '/administration', label: 'admin', icon: <SettingOutlined /> },
  { path: '/account', label: 'account', icon: <UserOutlined /> },
];

export function mayOpen(path: string, role: Role): boolean {
  const route = ROUTES.find((r) => r.path === path);
  return !route?.roles || route.roles.includes(role);
}

export function navFor(role: Role): NavItem[] {
  return NAV.filter((item) => ROUTES.some((r) => r.path === item.path) && mayOpen(item.path, role));
}

/** The menu entry a location belongs to (longest matching prefix). */
export function activeNav(pathname: string): string | undefined {
  return NAV.map((n) => n.path)
    .filter((p) => (p === '/' ? pathname === '/' : matchPath({ path: p, end: false }, pathname)))
    .sort((a, b) => b.length - a.length)[0];
}
