import { defineMessages } from '../../i18n/define-messages';

export const projectMessages = defineMessages(
  {
    'project.stage': '阶段',
    'project.customer': '客户',
    'project.owner': '负责人',
    'project.region': '区域',
    'project.productLine': '产品线',
    'project.class': '项目类别',
    'project.estimated': '预估金额',
    'project.signed': '签约金额',
    'project.revision': '修订号',
    'project.missing': '项目不存在，或您无权查看',
    'project.more': '可执行的操作、文档、会签与评审、审计回放将在后续版本中提供。',
  },
  {
    'project.stage': 'Stage',
    'project.customer': 'Customer',
    'project.owner': 'Owner',
    'project.region': 'Region',
    'project.productLine': 'Product line',
    'project.class': 'Class',
    'project.estimated': 'Estimated amount',
    'project.signed': 'Signed amount',
    'project.revision': 'Revision',
    'project.missing': 'No such project, or you may not see it',
    'project.more': 'Actions, documents, countersigning, reviews and the audit history come in a later version.',
  },
);
