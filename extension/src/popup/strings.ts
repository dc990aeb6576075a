// The extension's words, in English and Simplified Chinese (picked from the browser's UI language).
const en = {
  appName: 'Lectern',
  tabs: { forYou: 'For you', tickets: 'Tickets', data: 'Your data' },
  loading: 'Loading…',
  forYouEmpty: 'Read a few posts on sites that use Lectern and workshops picked for you appear here.',
  because: (title: string, host: string) => `Because you read “${title}” on ${host}`,
  starts: 'Starts',
  seatsLeft: (n: number) => (n === 1 ? '1 seat left' : `${n} seats left`),
  open: 'Open',
  ticketsEmpty: 'No tickets yet. Tickets you buy on Lectern sites appear here, with reminders.',
  join: 'Join',
  roomOpensSoon: 'The room opens 15 minutes before the start.',
  startsIn: (minutes: number, host: string) =>
    `Starts in ${minutes >= 60 ? `${minutes / 60} h` : `${minutes} min`} on ${host}. Click to open the room.`,
  access: {
    title: 'Where Lectern may learn',
    why: 'To recommend workshops, Lectern needs to see the Lectern widgets on the sites you read. Nothing you read leaves this browser; sites only get their own recommendations back.',
    thisSite: (host: string) => `Allow on ${host}`,
    allSites: 'Allow on all sites',
    granted: (n: number) => (n === 1 ? 'Allowed on 1 site pattern.' : `Allowed on ${n} site patterns.`),
    allGranted: 'Allowed on all sites.',
    none: 'Not allowed on any site yet.',
    reload: 'Reload the page for Lectern to start there.',
    revoke: 'Remove all access',
  },
  data: {
    kept: 'What is kept, only in this browser: the pages and workshops you opened on each Lectern site (path, time, kind of action), the titles of those pages, each site’s public model, and your tickets’ times and room links.',
    pause: 'Pause learning',
    paused: 'Learning is paused: nothing new is recorded.',
    sites: 'Sites',
    events: (n: number) => (n === 1 ? '1 event' : `${n} events`),
    forget: (host: string) => `Forget ${host}`,
    export: 'Export my data',
    deleteAll: 'Delete everything',
    confirmDelete: 'Delete every event, site and ticket kept by the extension?',
    yesDelete: 'Yes, delete',
    cancel: 'Cancel',
    deleted: 'Everything was deleted.',
    noSites: 'No sites yet.',
  },
  error: 'Something went wrong. Try again in a moment.',
};

export type ExtensionStrings = typeof en;

const zh: ExtensionStrings = {
  appName: 'Lectern',
  tabs: { forYou: '为你推荐', tickets: '门票', data: '你的数据' },
  loading: '加载中…',
  forYouEmpty: '在使用 Lectern 的网站上读几篇文章，这里就会出现为你挑选的工作坊。',
  because: (title, host) => `因为你在 ${host} 读了“${title}”`,
  starts: '开始时间',
  seatsLeft: (n) => `剩余 ${n} 个名额`,
  open: '查看',
  ticketsEmpty: '还没有门票。在 Lectern 网站上购买的门票会显示在这里，并附带提醒。',
  join: '进入',
  roomOpensSoon: '直播间在开始前 15 分钟开放。',
  startsIn: (minutes, host) =>
    `${minutes >= 60 ? `${minutes / 60} 小时` : `${minutes} 分钟`}后在 ${host} 开始。点击进入直播间。`,
  access: {
    title: 'Lectern 可以在哪里学习',
    why: '为了推荐工作坊，Lectern 需要看到你所读网站上的 Lectern 组件。你读过的内容不会离开这个浏览器；每个网站只会收到它自己的推荐。',
    thisSite: (host) => `允许在 ${host} 上使用`,
    allSites: '允许在所有网站上使用',
    granted: (n) => `已允许 ${n} 个网站范围。`,
    allGranted: '已允许所有网站。',
    none: '尚未允许任何网站。',
    reload: '重新加载页面后 Lectern 即可在该网站上开始工作。',
    revoke: '撤销所有访问权限',
  },
  data: {
    kept: '仅保存在这个浏览器中的内容：你在每个 Lectern 网站上打开的页面和工作坊（路径、时间、操作类型）、这些页面的标题、每个网站的公开模型，以及你门票的时间和直播间链接。',
    pause: '暂停学习',
    paused: '学习已暂停：不会记录任何新内容。',
    sites: '网站',
    events: (n) => `${n} 条记录`,
    forget: (host) => `忘记 ${host}`,
    export: '导出我的数据',
    deleteAll: '删除全部',
    confirmDelete: '删除扩展保存的所有记录、网站和门票？',
    yesDelete: '确认删除',
    cancel: '取消',
    deleted: '已全部删除。',
    noSites: '还没有网站。',
  },
  error: '出了点问题，请稍后再试。',
};

export type ExtensionLocale = 'en' | 'zh-CN';

export const localeOf = (uiLanguage: string): ExtensionLocale =>
  uiLanguage.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';

export const t = (uiLanguage: string): ExtensionStrings => (localeOf(uiLanguage) === 'zh-CN' ? zh : en);
