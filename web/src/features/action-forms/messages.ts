import { defineMessages } from '../../i18n/define-messages';

export const actionFormMessages = defineMessages(
  {
    'actions.required': '请填写{field}',
    'actions.addRow': '添加{field}',
    'actions.sha256Format': 'SHA-256 应为 64 位小写十六进制',
    'actions.docTitle': '标题',
    'actions.docUri': '地址（URI）',
    'actions.fromFile': '从文件计算',
    'actions.submit': '提交',
    'actions.cancel': '取消',
    'actions.done': '{action}：已完成',
    'actions.refused': '服务器拒绝了此操作',
    'actions.refusedWith': '服务器拒绝了此操作（{code}）',
  },
  {
    'actions.required': 'Please fill in {field}',
    'actions.addRow': 'Add {field}',
    'actions.sha256Format': 'A SHA-256 is 64 lower-case hex digits',
    'actions.docTitle': 'title',
    'actions.docUri': 'URI',
    'actions.fromFile': 'From a file',
    'actions.submit': 'Submit',
    'actions.cancel': 'Cancel',
    'actions.done': '{action}: done',
    'actions.refused': 'The server refused this step',
    'actions.refusedWith': 'The server refused this step ({code})',
  },
);
