/** The console's words, Chinese first; each screen keeps its own in its folder (messages.ts), English has every key Chinese has. */
import { defineMessages } from './define-messages';
import { signInMessages } from '../features/sign-in/messages';
import { myWorkMessages } from '../features/my-work/messages';
import { boardMessages } from '../features/board/messages';
import { projectMessages } from '../features/project/messages';
import { actionFormMessages } from '../features/action-forms/messages';
import { registerLeadMessages } from '../features/register-lead/messages';
import { reportsMessages } from '../features/reports/messages';
import { historyMessages } from '../features/history/messages';
import { policyWhatIfMessages } from '../features/policy-what-if/messages';
import { kpiMessages } from '../features/kpis/messages';

const commonMessages = defineMessages(
  {
    appTitle: 'PSM 售前管理',
    'menu.myWork': '我的待办',
    'menu.board': '销售漏斗',
    'menu.registerLead': '登记线索',
    'locale.switch': 'English',
    signOut: '退出登录',
    notFound: '页面不存在',
    loadFailed: '加载失败',
    overdue: '逾期',
  },
  {
    appTitle: 'PSM pre-sales',
    'menu.myWork': 'My work',
    'menu.board': 'Pipeline board',
    'menu.registerLead': 'Register a lead',
    'locale.switch': '中文',
    signOut: 'Sign out',
    notFound: 'Page not found',
    loadFailed: 'Could not load',
    overdue: 'Overdue',
  },
);

export const zh = {
  ...commonMessages.zh,
  ...signInMessages.zh,
  ...myWorkMessages.zh,
  ...boardMessages.zh,
  ...projectMessages.zh,
  ...actionFormMessages.zh,
  ...registerLeadMessages.zh,
  ...reportsMessages.zh,
  ...historyMessages.zh,
  ...policyWhatIfMessages.zh,
  ...kpiMessages.zh,
};

export type MessageKey = keyof typeof zh;

export const en: Record<MessageKey, string> = {
  ...commonMessages.en,
  ...signInMessages.en,
  ...myWorkMessages.en,
  ...boardMessages.en,
  ...projectMessages.en,
  ...actionFormMessages.en,
  ...registerLeadMessages.en,
  ...reportsMessages.en,
  ...historyMessages.en,
  ...policyWhatIfMessages.en,
  ...kpiMessages.en,
};
