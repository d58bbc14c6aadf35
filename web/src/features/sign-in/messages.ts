import { defineMessages } from '../../i18n/define-messages';

export const signInMessages = defineMessages(
  {
    'signIn.title': '登录',
    'signIn.devBadge': '开发登录',
    'signIn.devNotice': '开发登录：以演示数据中的人员和角色登录，令牌由开发密钥签发。生产环境不提供此方式。',
    'signIn.person': '人员',
    'signIn.role': '角色',
    'signIn.submit': '登录',
    'signIn.unavailable': '此环境不提供开发登录：请通过公司的身份提供方登录。',
  },
  {
    'signIn.title': 'Sign in',
    'signIn.devBadge': 'Development sign-in',
    'signIn.devNotice': 'Development sign-in: act as a person and role of the demo data, with a token signed by the development secret. Production does not offer it.',
    'signIn.person': 'Person',
    'signIn.role': 'Role',
    'signIn.submit': 'Sign in',
    'signIn.unavailable': 'This installation offers no development sign-in: sign in through your identity provider.',
  },
);
