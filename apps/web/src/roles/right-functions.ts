import { ALL_RIGHTS, rightFunction, type Right } from '@rexian/contracts';
import type { Bilingual } from '../i18n/use-t';

/** The names of the functions rights belong to, for the headings of the rights checklist. */
const FUNCTION_NAMES: Record<string, Bilingual> = {
  departments: { zh: '部门', en: 'Departments' },
  users: { zh: '用户', en: 'Users' },
  groups: { zh: '用户组', en: 'User groups' },
  roles: { zh: '角色与权限', en: 'Roles and rights' },
  tokens: { zh: 'API 令牌', en: 'API tokens' },
  audit: { zh: '审计日志', en: 'Audit log' },
  dictionary: { zh: '数据字典', en: 'Data dictionary' },
  calendar: { zh: '工作日历', en: 'Business calendar' },
  shifts: { zh: '班次', en: 'Shifts' },
  params: { zh: '系统参数', en: 'System parameters' },
  announcements: { zh: '公告', en: 'Announcements' },
};

export interface RightFunction {
  name: string;
  label: Bilingual;
  rights: Right[];
}

/** Every right grouped by its function, in catalogue order; a function not named above shows its code. */
export function rightsByFunction(): RightFunction[] {
  const groups = new Map<string, RightFunction>();
  for (const right of ALL_RIGHTS) {
    const name = rightFunction(right);
    const group = groups.get(name) ?? { name, label: FUNCTION_NAMES[name] ?? { zh: name, en: name }, rights: [] };
    group.rights.push(right);
    groups.set(name, group);
  }
  return [...groups.values()];
}
