import type { Locale } from '../../../i18n/locale.ts';

const en = {
  title: 'Workshops',
  newWorkshop: 'New workshop',
  loading: 'Loading workshops…',
  loadFailed: 'The workshops could not be loaded. Please try again.',
  retry: 'Try again',
  filters: 'Show',
  filterAll: 'All',
  filterUpcoming: 'Upcoming',
  filterPast: 'Past',
  filterDrafts: 'Drafts',
  none: 'No workshops here yet.',
  colTitle: 'Workshop',
  colWhen: 'Starts (your time)',
  colSeats: 'Sold / held / capacity',
  colRevenue: 'Revenue',
  colStatus: 'Status',
  colActions: 'Actions',
  status: { draft: 'Draft', published: 'Published', cancelled: 'Cancelled', ended: 'Ended' } as Record<
    string,
    string
  >,
  seats: (sold: number, held: number, capacity: number) => `${sold} / ${held} / ${capacity}`,
  seatsLabel: (sold: number, held: number, capacity: number) =>
    `${sold} sold, ${held} held, capacity ${capacity}`,
  free: 'Free',
  edit: 'Edit',
  publish: 'Publish',
  unpublish: 'Back to draft',
  cancelWorkshop: 'Cancel workshop',
  duplicate: 'Duplicate',
  host: 'Host',
  actionFailed: 'That did not work. Please try again.',
  published: (title: string) => `“${title}” is published.`,
  unpublished: (title: string) => `“${title}” is a draft again.`,
  cancelled: (title: string) => `“${title}” is cancelled.`,
  cancelTitle: 'Cancel this workshop?',
  cancelLead: (title: string, sold: number) =>
    sold === 0
      ? `“${title}” will show as cancelled and take no more bookings. Nobody has a ticket yet.`
      : `“${title}” will show as cancelled and take no more bookings. The ${sold === 1 ? 'ticket is' : `${sold} tickets are`} refunded in full and every buyer is emailed. This cannot be undone.`,
  keep: 'Keep it',
  confirmCancel: 'Cancel the workshop',
  working: 'One moment…',
};

export type WorkshopStrings = typeof en;

const zhCN: WorkshopStrings = {
  title: '工作坊',
  newWorkshop: '新建工作坊',
  loading: '正在加载工作坊…',
  loadFailed: '无法加载工作坊，请重试。',
  retry: '重试',
  filters: '显示',
  filterAll: '全部',
  filterUpcoming: '即将开始',
  filterPast: '已结束',
  filterDrafts: '草稿',
  none: '这里还没有工作坊。',
  colTitle: '工作坊',
  colWhen: '开始时间（你的时区）',
  colSeats: '已售 / 保留 / 容量',
  colRevenue: '收入',
  colStatus: '状态',
  colActions: '操作',
  status: { draft: '草稿', published: '已发布', cancelled: '已取消', ended: '已结束' },
  seats: (sold, held, capacity) => `${sold} / ${held} / ${capacity}`,
  seatsLabel: (sold, held, capacity) => `已售 ${sold}，保留 ${held}，容量 ${capacity}`,
  free: '免费',
  edit: '编辑',
  publish: '发布',
  unpublish: '改回草稿',
  cancelWorkshop: '取消工作坊',
  duplicate: '复制',
  host: '主持',
  actionFailed: '操作未成功，请重试。',
  published: (title) => `“${title}”已发布。`,
  unpublished: (title) => `“${title}”已改回草稿。`,
  cancelled: (title) => `“${title}”已取消。`,
  cancelTitle: '要取消这个工作坊吗？',
  cancelLead: (title, sold) =>
    sold === 0
      ? `“${title}”将显示为已取消，不再接受报名。目前还没有人持票。`
      : `“${title}”将显示为已取消，不再接受报名。${sold} 张门票将全额退款，并通过邮件通知每位购买者。此操作无法撤销。`,
  keep: '保留',
  confirmCancel: '取消工作坊',
  working: '请稍候…',
};

export function workshopStrings(locale: Locale): WorkshopStrings {
  return locale === 'zh-CN' ? zhCN : en;
}
