import { useCallback, useEffect, useState } from 'preact/hooks';
import {
  browserSaysDoNotTrack,
  deleteMyData,
  type EventType,
  exportMyData,
  readHistory,
  resetAnonymousId,
  setUploadOptOut,
  uploadOptedOut,
} from '../log/index.ts';
import { deleteTickets, listTickets } from '../tickets/ticket-store.ts';

export type YourDataProps = {
  site: string;
  locale: 'en' | 'zh-CN';
  /** Heading level of the section title (its sub-heading is one below); default 2. */
  level?: number;
  /** After "Delete": the tickets shown beside this section are gone too. */
  onDeleted?(): void;
};

// Kept beside the component: the shared i18n catalogue belongs to the widget UI.
const STRINGS = {
  en: {
    title: 'Your data on this device',
    intro:
      'Lectern keeps a log of what you do on this site in your own browser, to recommend workshops, and the tickets you got here. The log holds no names, no search terms and no text you typed.',
    loading: 'Reading your data…',
    unavailable: 'Your browser does not let Lectern keep data on this device, so there is nothing here.',
    empty: 'Nothing is stored yet.',
    events: 'Stored events',
    tickets: 'Tickets saved here',
    anonId: 'Anonymous id',
    none: 'none yet',
    newId: 'New anonymous id',
    waiting: (n: number) => `${n} waiting to be sent`,
    share: 'Share anonymous usage with this site (no text, no query strings, no IP address)',
    browserSignal:
      'Your browser asks sites not to track you (Global Privacy Control or Do Not Track), so nothing is sent.',
    sharingOn: 'Usage is shared with this site without your name.',
    sharingOff: 'Nothing is sent: your log stays on this device.',
    export: 'Export as JSON (log and tickets)',
    delete: 'Delete my data',
    confirm: (tickets: number) =>
      tickets === 0
        ? 'Delete everything Lectern keeps on this device: your activity log and anonymous ids? This cannot be undone.'
        : `Delete everything Lectern keeps on this device: your activity log, anonymous ids and the ${tickets === 1 ? 'ticket' : `${tickets} tickets`} saved here? ${tickets === 1 ? 'The ticket stays' : 'Tickets stay'} valid: the link is in your email. This cannot be undone.`,
    confirmYes: 'Yes, delete',
    cancel: 'Cancel',
    deleted: 'Deleted.',
    failed: 'That did not work. Please try again.',
    types: {
      page_view: 'Pages viewed',
      page_dwell: 'Reading time records',
      scroll_depth: 'Scroll depth records',
      workshop_impression: 'Workshops shown',
      workshop_click: 'Workshops opened',
      checkout_start: 'Checkouts started',
      purchase: 'Purchases',
      ticket_view: 'Tickets viewed',
      reco_impression: 'Recommendations shown',
      reco_click: 'Recommendations opened',
      room_join: 'Rooms joined',
      room_leave: 'Rooms left',
      room_interaction: 'Room interactions',
      rating: 'Ratings',
    } satisfies Record<EventType, string>,
  },
  'zh-CN': {
    title: '本设备上的你的数据',
    intro:
      'Lectern 在你自己的浏览器里记录你在本站的操作，用于推荐工作坊，并保存你在这里获得的门票。记录中没有姓名、搜索词或你输入的文字。',
    loading: '正在读取你的数据…',
    unavailable: '你的浏览器不允许 Lectern 在本设备上保存数据，因此这里没有内容。',
    empty: '目前没有保存任何数据。',
    events: '已保存的事件',
    tickets: '保存在这里的门票',
    anonId: '匿名 ID',
    none: '尚未生成',
    newId: '更换匿名 ID',
    waiting: (n: number) => `${n} 条等待发送`,
    share: '与本站分享匿名使用情况（不含文字、查询参数或 IP 地址）',
    browserSignal: '你的浏览器要求网站不要跟踪你（全球隐私控制或“请勿跟踪”），因此不会发送任何数据。',
    sharingOn: '使用情况会以匿名方式分享给本站。',
    sharingOff: '不会发送任何数据：记录只保存在本设备上。',
    export: '导出为 JSON（记录和门票）',
    delete: '删除我的数据',
    confirm: (tickets: number) =>
      tickets === 0
        ? '删除 Lectern 在本设备上保存的全部数据：你的操作记录和匿名 ID？此操作无法撤销。'
        : `删除 Lectern 在本设备上保存的全部数据：你的操作记录、匿名 ID 和保存在这里的 ${tickets} 张门票？门票仍然有效，链接在你的邮件里。此操作无法撤销。`,
    confirmYes: '确认删除',
    cancel: '取消',
    deleted: '已删除。',
    failed: '操作未成功，请重试。',
    types: {
      page_view: '浏览的页面',
      page_dwell: '阅读时长记录',
      scroll_depth: '滚动深度记录',
      workshop_impression: '展示过的工作坊',
      workshop_click: '打开过的工作坊',
      checkout_start: '开始的结账',
      purchase: '购买',
      ticket_view: '查看过的门票',
      reco_impression: '展示过的推荐',
      reco_click: '打开过的推荐',
      room_join: '加入的直播间',
      room_leave: '离开的直播间',
      room_interaction: '直播间互动',
      rating: '评分',
    } satisfies Record<EventType, string>,
  },
} as const;

type Summary = {
  counts: [EventType, number][];
  total: number;
  waiting: number;
  anonId: string | null;
  optedOut: boolean;
  tickets: number;
};

async function summarize(site: string): Promise<Summary> {
  const [events, optedOut, data, tickets] = await Promise.all([
    readHistory(site),
    uploadOptedOut(),
    exportMyData(),
    listTickets(site),
  ]);
  const counts = new Map<EventType, number>();
  for (const e of events) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  return {
    counts: [...counts].sort((a, b) => b[1] - a[1]),
    total: events.length,
    waiting: events.filter((e) => e.state === 'pending').length,
    anonId: data.anonymousIds[site] ?? null,
    optedOut,
    tickets: tickets.length,
  };
}

/** Everything "Your data" speaks of, in one file: the behaviour log and this site's tickets. */
async function exportAll(site: string): Promise<string> {
  const [log, tickets] = await Promise.all([exportMyData(), listTickets(site)]);
  return JSON.stringify({ ...log, tickets }, null, 2);
}

async function deleteAll(site: string): Promise<void> {
  await Promise.all([deleteMyData(), deleteTickets(site)]);
}

function download(name: string, json: string) {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.click();
  // Revoke later: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "Your data": what Lectern keeps on this device, upload choice, export and delete. */
export function YourData({ site, locale, level = 2, onDeleted }: YourDataProps) {
  const t = STRINGS[locale] ?? STRINGS.en;
  const [summary, setSummary] = useState<Summary | null>(null);
  const [status, setStatus] = useState<'loading' | 'ready' | 'unavailable'>('loading');
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const browserSignal = browserSaysDoNotTrack();
  const Title = `h${level}` as 'h2';
  const Sub = `h${Math.min(level + 1, 6)}` as 'h3';

  const refresh = useCallback(async () => {
    try {
      setSummary(await summarize(site));
      setStatus('ready');
    } catch {
      setStatus('unavailable');
    }
  }, [site]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const act = (work: () => Promise<unknown>, done?: string) => async () => {
    try {
      await work();
      setNotice(done ?? null);
    } catch {
      setNotice(t.failed);
    }
    await refresh();
  };

  if (status === 'loading')
    return (
      <section class="lectern-your-data" aria-busy="true">
        {t.loading}
      </section>
    );
  if (status === 'unavailable' || !summary) {
    return (
      <section class="lectern-your-data">
        <Title>{t.title}</Title>
        <p>{t.unavailable}</p>
      </section>
    );
  }

  const sharing = !browserSignal && !summary.optedOut;
  return (
    <section class="lectern-your-data" aria-labelledby="lectern-your-data-title">
      <Title id="lectern-your-data-title">{t.title}</Title>
      <p>{t.intro}</p>

      <Sub>
        {t.events}: {summary.total}
      </Sub>
      {summary.total === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <table>
          <tbody>
            {summary.counts.map(([type, n]) => (
              <tr key={type} data-type={type}>
                <th scope="row">{t.types[type]}</th>
                <td>{n}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {summary.waiting > 0 && sharing && <p>{t.waiting(summary.waiting)}</p>}
      <p data-tickets={summary.tickets}>
        {t.tickets}: {summary.tickets}
      </p>

      <p>
        {t.anonId}: <code>{summary.anonId ?? t.none}</code>{' '}
        <button type="button" onClick={act(() => resetAnonymousId(site))}>
          {t.newId}
        </button>
      </p>

      <label>
        <input
          type="checkbox"
          checked={sharing}
          disabled={browserSignal}
          onChange={(e) => void act(() => setUploadOptOut(!(e.currentTarget as HTMLInputElement).checked))()}
        />{' '}
        {t.share}
      </label>
      <p role="status">{browserSignal ? t.browserSignal : sharing ? t.sharingOn : t.sharingOff}</p>

      <p>
        <button
          type="button"
          onClick={act(async () => download(`lectern-data-${site}.json`, await exportAll(site)))}
        >
          {t.export}
        </button>{' '}
        {!confirming && (
          <button type="button" class="danger" onClick={() => setConfirming(true)}>
            {t.delete}
          </button>
        )}
      </p>
      {confirming && (
        <div role="alertdialog" aria-label={t.delete}>
          <p>{t.confirm(summary.tickets)}</p>
          <button
            type="button"
            class="danger"
            onClick={async () => {
              setConfirming(false);
              await act(() => deleteAll(site), t.deleted)();
              onDeleted?.();
            }}
          >
            {t.confirmYes}
          </button>{' '}
          <button type="button" class="ghost" onClick={() => setConfirming(false)}>
            {t.cancel}
          </button>
        </div>
      )}
      {notice && <p aria-live="polite">{notice}</p>}
    </section>
  );
}
