import type { Role } from '../domain/project/vocabulary.js';

export interface DemoPerson {
  userId: string;
  name: string;
  roles: Role[];
}

const people = (prefix: string, role: Role, names: string[]): DemoPerson[] => names.map((name, i) => ({ userId: `${prefix}-${i + 1}`, name, roles: [role] }));

/** Who acts in the demo history (demo-schedule.ts), with names: the people the console's 开发登录 offers. */
export const DEMO_PEOPLE: readonly DemoPerson[] = [
  ...people('am', 'ACCOUNT_MANAGER', ['王磊', '李娜', '张伟', '刘洋', '陈静', '杨帆', '赵敏', '黄涛']),
  ...people('pe', 'PRESALES_ENGINEER', ['周杰', '吴昊', '徐蕾', '孙浩']),
  ...people('rv', 'REVIEWER', ['郭峰', '林芳', '何军']),
  ...people('sup', 'SALES_SUPERVISOR', ['马超']),
  ...people('dir', 'SALES_DIRECTOR', ['朱红']),
  ...people('gm', 'BU_GENERAL_MANAGER', ['胡斌']),
  ...people('tm', 'TECH_MANAGER', ['高远']),
  ...people('oc', 'OPERATIONS_CENTER', ['罗琳']),
  ...people('mk', 'MARKETING', ['谢婷']),
  ...people('dl', 'DEPARTMENT_LEADER', ['梁栋']),
  ...people('ex', 'EXECUTIVE', ['沈毅']),
  ...people('de', 'DELIVERY_ENGINEER', ['韩冰', '曹宁']),
  ...people('sa', 'SALES_ASSISTANT', ['蒋丽']),
  ...people('sp', 'SALES_PLANNER', ['唐悦']),
];
