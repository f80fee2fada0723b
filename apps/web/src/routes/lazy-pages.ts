import { lazy } from 'react';
import type { MenuKey } from '../layout/menu-entries';

// Each page is its own chunk, loaded when first opened.
export const PAGES = {
  home: lazy(() => import('../pages/HomePage').then((m) => ({ default: m.HomePage }))),
  departments: lazy(() => import('../pages/DepartmentsPage').then((m) => ({ default: m.DepartmentsPage }))),
  users: lazy(() => import('../pages/UsersPage').then((m) => ({ default: m.UsersPage }))),
  groups: lazy(() => import('../pages/GroupsPage').then((m) => ({ default: m.GroupsPage }))),
  roles: lazy(() => import('../pages/RolesPage').then((m) => ({ default: m.RolesPage }))),
  tokens: lazy(() => import('../pages/TokensPage').then((m) => ({ default: m.TokensPage }))),
  dictionary: lazy(() => import('../pages/DictionaryPage').then((m) => ({ default: m.DictionaryPage }))),
  calendar: lazy(() => import('../pages/CalendarPage').then((m) => ({ default: m.CalendarPage }))),
  shifts: lazy(() => import('../pages/ShiftsPage').then((m) => ({ default: m.ShiftsPage }))),
  parameters: lazy(() => import('../pages/ParametersPage').then((m) => ({ default: m.ParametersPage }))),
  phones: lazy(() => import('../pages/PhonesPage').then((m) => ({ default: m.PhonesPage }))),
  trunks: lazy(() => import('../pages/TrunksPage').then((m) => ({ default: m.TrunksPage }))),
  announcements: lazy(() => import('../pages/AnnouncementsPage').then((m) => ({ default: m.AnnouncementsPage }))),
  audit: lazy(() => import('../pages/AuditPage').then((m) => ({ default: m.AuditPage }))),
  agent: lazy(() => import('../pages/AgentPage').then((m) => ({ default: m.AgentPage }))),
  calls: lazy(() => import('../pages/CallsPage').then((m) => ({ default: m.CallsPage }))),
  supervisor: lazy(() => import('../pages/SupervisorPage').then((m) => ({ default: m.SupervisorPage }))),
  wallboard: lazy(() => import('../pages/WallboardPage').then((m) => ({ default: m.WallboardPage }))),
  customers: lazy(() => import('../pages/CustomersPage').then((m) => ({ default: m.CustomersPage }))),
  callTasks: lazy(() => import('../pages/CallTasksPage').then((m) => ({ default: m.CallTasksPage }))),
  queues: lazy(() => import('../pages/QueuesPage').then((m) => ({ default: m.QueuesPage }))),
  routing: lazy(() => import('../pages/RoutingPage').then((m) => ({ default: m.RoutingPage }))),
  ivrFlows: lazy(() => import('../pages/IvrFlowsPage').then((m) => ({ default: m.IvrFlowsPage }))),
} satisfies Record<MenuKey, unknown>;
