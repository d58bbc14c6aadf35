/** Who reads every pre-sales person's KPIs of their unit (src/auth/project-visibility.ts KPI_READER_ROLES); a pre-sales engineer reads their own. */
const KPI_READERS = ['SALES_SUPERVISOR', 'SALES_DIRECTOR', 'BU_GENERAL_MANAGER', 'DEPARTMENT_LEADER', 'EXECUTIVE', 'TECH_MANAGER'];

export const readsEveryonesKpis = (roles: readonly string[]): boolean => roles.some((role) => KPI_READERS.includes(role));
export const readsKpis = (roles: readonly string[]): boolean => readsEveryonesKpis(roles) || roles.includes('PRESALES_ENGINEER');
