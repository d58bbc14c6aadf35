/** 策略推演 is management's (src/auth/project-visibility.ts POLICY_WHAT_IF_ROLES). */
const WHAT_IF_READERS = ['SALES_DIRECTOR', 'BU_GENERAL_MANAGER', 'EXECUTIVE'];

export const runsPolicyWhatIf = (roles: readonly string[]): boolean => roles.some((role) => WHAT_IF_READERS.includes(role));
