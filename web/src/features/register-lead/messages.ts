import { defineMessages } from '../../i18n/define-messages';

export const registerLeadMessages = defineMessages(
  { 'registerLead.title': '登记线索', 'registerLead.submit': '登记' },
  { 'registerLead.title': 'Register a lead', 'registerLead.submit': 'Register' },
);
