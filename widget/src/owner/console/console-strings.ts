import type { Locale } from '../../i18n/locale.ts';

// The shell's own words (sign-in, nav, key rotation). Each section keeps its strings in its own
// file beside it, in both languages.

const en = {
  consoleTitle: 'Owner console',
  siteLabel: (site: string) => `Site ${site}`,
  sections: 'Sections',
  signInTitle: 'Sign in as the owner',
  signInLead:
    'Enter the owner key that `lectern site create` printed. This tab keeps you signed in until you sign out or close it.',
  ownerKey: 'Owner key',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  signOut: 'Sign out',
  wrongKey: 'That key does not open this site. Check the key (and the site id in the address) and try again.',
  tooMany: 'Too many attempts. Wait a minute, then try again.',
  offline: 'The Lectern server cannot be reached. Check your connection and try again.',
  failed: 'Signing in did not work just now. Please try again.',
  expiredTitle: 'Your session has ended',
  expiredLead: 'Enter the owner key again to carry on. What you were doing stays as it was.',
  loadingSection: 'Loading…',
  sectionFailed: 'This section could not load. Reload the page to try again.',
  sectionCrashed: 'Something went wrong in this section. Reload the page to try again.',
  unknownSection: 'There is no such section here.',
  backToStart: 'Go to the first section',
  rotateKey: 'Rotate owner key',
  rotateTitle: 'Rotate the owner key?',
  rotateLead:
    'A new key replaces the current one at once: the old key stops working everywhere (scripts, the CLI, other browsers). You see the new key only once.',
  rotateConfirm: 'Rotate the key',
  rotating: 'Rotating…',
  rotateFailed: 'The key could not be rotated. Please try again.',
  newKeyTitle: 'Your new owner key',
  newKeyLead: 'Copy it now and keep it somewhere safe: it is not shown again.',
  copy: 'Copy',
  copied: 'Copied',
  done: 'Done',
  cancel: 'Cancel',
};

export type ConsoleStrings = typeof en;

const zhCN: ConsoleStrings = {
  consoleTitle: '站长控制台',
  siteLabel: (site) => `站点 ${site}`,
  sections: '栏目',
  signInTitle: '以站长身份登录',
  signInLead: '请输入 `lectern site create` 打印的站长密钥。本标签页会保持登录，直到你退出或关闭它。',
  ownerKey: '站长密钥',
  signIn: '登录',
  signingIn: '正在登录…',
  signOut: '退出登录',
  wrongKey: '此密钥无法打开该站点。请检查密钥（以及地址中的站点 ID）后重试。',
  tooMany: '尝试次数过多。请等一分钟后再试。',
  offline: '无法连接 Lectern 服务器。请检查网络后重试。',
  failed: '暂时无法登录，请重试。',
  expiredTitle: '登录已过期',
  expiredLead: '请再次输入站长密钥以继续。你正在进行的操作会保持原样。',
  loadingSection: '正在加载…',
  sectionFailed: '此栏目无法加载。请刷新页面重试。',
  sectionCrashed: '此栏目出错了。请刷新页面重试。',
  unknownSection: '这里没有这个栏目。',
  backToStart: '前往第一个栏目',
  rotateKey: '更换站长密钥',
  rotateTitle: '要更换站长密钥吗？',
  rotateLead:
    '新密钥会立即取代当前密钥：旧密钥在所有地方（脚本、命令行、其他浏览器）立即失效。新密钥只显示一次。',
  rotateConfirm: '更换密钥',
  rotating: '正在更换…',
  rotateFailed: '无法更换密钥，请重试。',
  newKeyTitle: '你的新站长密钥',
  newKeyLead: '请立即复制并妥善保存：它不会再次显示。',
  copy: '复制',
  copied: '已复制',
  done: '完成',
  cancel: '取消',
};

export function consoleStrings(locale: Locale): ConsoleStrings {
  return locale === 'zh-CN' ? zhCN : en;
}
