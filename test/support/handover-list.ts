import { docOf } from './psm-app.js';

/** HandOverInput's items for the sheets a won project does not hold (S1-DY 6.7 c–d, S2's needs and configuration). */
export const handoverSheets = () => ([
  ['CONTRACT_REVIEW_SHEET', '产品/项目销售合同评审表'],
  ['REVIEW_ISSUES_SHEET', '产品/项目销售合同评审问题对策表'],
  ['CUSTOMER_NEEDS', '网络工程客户需求调查表'],
  ['PRODUCT_CONFIGURATION', '产品配置清单'],
] as const).map(([kind, title]) => ({ kind, version: '1', ...docOf(title) }));
