import { defineMessages } from '../../i18n/define-messages';

export const myWorkMessages = defineMessages(
  {
    'myWork.empty': '暂无待办事项',
    'myWork.kind': '事项',
    'myWork.project': '项目',
    'myWork.customer': '客户',
    'myWork.stage': '阶段',
    'myWork.due': '到期',
    'myWork.since': '等待自',
    'myWork.for': '指派给',
    'myWork.forMe': '本人',
    'myWork.count': '共 {count} 项，逾期 {overdue} 项',
    'myWork.monthlyReport': '统计月报 {period}',
    'myWork.quarterlyAnalysis': '季度分析 {period}',
  },
  {
    'myWork.empty': 'Nothing waits for you',
    'myWork.kind': 'Item',
    'myWork.project': 'Project',
    'myWork.customer': 'Customer',
    'myWork.stage': 'Stage',
    'myWork.due': 'Due',
    'myWork.since': 'Waiting since',
    'myWork.for': 'For',
    'myWork.forMe': 'me',
    'myWork.count': '{count} items, {overdue} overdue',
    'myWork.monthlyReport': 'Monthly report {period}',
    'myWork.quarterlyAnalysis': 'Quarterly analysis {period}',
  },
);
