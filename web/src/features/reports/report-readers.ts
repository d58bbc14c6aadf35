/** The unit roles: reports sum every project of a business unit, so only they read them (src/auth/project-visibility.ts UNIT_ROLES). */
const REPORT_READERS = ['SALES_SUPERVISOR', 'SALES_DIRECTOR', 'MARKETING', 'OPERATIONS_CENTER', 'BU_GENERAL_MANAGER', 'TECH_MANAGER', 'DEPARTMENT_LEADER', 'EXECUTIVE', 'SALES_ASSISTANT'];

export const readsReports = (roles: readonly string[]): boolean => roles.some((role) => REPORT_READERS.includes(role));
