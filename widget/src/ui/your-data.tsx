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

export type YourDataProps = { site: string; locale: 'en' | 'zh-CN' };

// Kept beside the component: the shared i18n catalogue belongs to the widget UI.
const STRINGS = {
  en: {
    title: 'Your data on this device',
    intro:
      'Lectern keeps a log of what you do on this site in your own browser, to recommend workshops. It holds no names, no search terms and no text you typed.',
    loading: 'Reading your data…',
    unavailable: 'Your browser does not let Lectern keep data on this device, so there is nothing here.',
    empty: 'Nothing is stored yet.',
    events: 'Stored events',
    anonId: 'Anonymous id',
    none: 'none yet',
    newId: 'New anonymous id',
    waiting: (n: number) => `${n} waiting to be sent`,
    share: 'Share anonymous usage with this site (no text, no query strings, no IP address)',
    browserSignal:
      'Your browser asks sites not to track you (Global Privacy Control or Do Not Track), so nothing is sent.',
    sharingOn: 'Usage is shared with this site without your name.',
    sharingOff: 'Nothing is sent: your log stays on this device.',
    export: 'Export as JSON',
    delete: 'Delete my data',
    confirm: 'Delete everything Lectern keeps on this device? This cannot be undone.',
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
      'Lectern 在你自己的浏览器里记录你在本站的操作，用于推荐工作坊。其中没有姓名、搜索词或你输入的文字。',
    loading: '正在读取你的数据…',
    unavailable: '你的浏览器不允许 Lectern 在本设备上保存数据，因此这里没有内容。',
    empty: '目前没有保存任何数据。',
    events: '已保存的事件',
    anonId: '匿名 ID',
    none: '尚未生成',
    newId: '更换匿名 ID',
    waiting: (n: number) => `${n} 条等待发送`,
    share: '与本站分享匿名使用情况（不含文字、查询参数或 IP 地址）',
    browserSignal: '你的浏览器要求网站不要跟踪你（全球隐私控制或“请勿跟踪”），因此不会发送任何数据。',
    sharingOn: '使用情况会以匿名方式分享给本站。',
    sharingOff: '不会发送任何数据：记录只保存在本设备上。',
    export: '导出为 JSON',
    delete: '删除我的数据',
    confirm: '删除 Lectern 在本设备上保存的全部数据？此操作无法撤销。',
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
};

async function summarize(site: string): Promise<Summary> {
  const [events, optedOut, data] = await Promise.all([readHistory(site), uploadOptedOut(), exportMyData()]);
  const counts = new Map<EventType, number>();
  for (const e of events) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  return {
    counts: [...counts].sort((a, b) => b[1] - a[1]),
    total: events.length,
    waiting: events.filter((e) => e.state === 'pending').length,
    anonId: data.anonymousIds[site] ?? null,
    optedOut,
  };
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
export function YourData({ site, locale }: YourDataProps) {
  const t = STRINGS[locale] ?? STRINGS.en;
  const [summary, setSummary] = useState<Summary | null>(null);
  const [status, setStatus] = useState<'loading' | 'ready' | 'unavailable'>('loading');
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const browserSignal = browserSaysDoNotTrack();

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
        <h2>{t.title}</h2>
        <p>{t.unavailable}</p>
      </section>
    );
  }

  const sharing = !browserSignal && !summary.optedOut;
  return (
    <section class="lectern-your-data" aria-labelledby="lectern-your-data-title">
      <h2 id="lectern-your-data-title">{t.title}</h2>
      <p>{t.intro}</p>

      <h3>
        {t.events}: {summary.total}
      </h3>
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
          onClick={act(async () =>
            download(`lectern-data-${site}.json`, JSON.stringify(await exportMyData(), null, 2)),
          )}
        >
          {t.export}
        </button>{' '}
        {!confirming && (
          <button type="button" onClick={() => setConfirming(true)}>
            {t.delete}
          </button>
        )}
      </p>
      {confirming && (
        <div role="alertdialog" aria-label={t.delete}>
          <p>{t.confirm}</p>
          <button
            type="button"
            onClick={async () => {
              setConfirming(false);
              await act(deleteMyData, t.deleted)();
            }}
          >
            {t.confirmYes}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            {t.cancel}
          </button>
        </div>
      )}
      {notice && <p aria-live="polite">{notice}</p>}
    </section>
  );
}
