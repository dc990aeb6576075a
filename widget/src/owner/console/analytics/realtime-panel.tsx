import type { RealtimePanel as Realtime } from '@lectern/server/contract';
import { formatCount } from './format.ts';
import type { PanelProps } from './panel-props.ts';
import { DataTable, Figures, Panel } from './parts.tsx';

/** Readers active in the last 5 minutes and who is in a live room now; Refresh reads again. */
export function RealtimePanel({
  data,
  locale,
  t,
  onRefresh,
}: PanelProps<Realtime> & { onRefresh: () => void }) {
  const at = new Intl.DateTimeFormat(locale, {
    hour: 'numeric',
    minute: '2-digit',
    second: '2-digit',
  }).format(new Date(data.at));
  return (
    <Panel id="realtime" title={t.realtime}>
      <Figures
        items={[
          { key: 'activeReaders', label: t.activeReaders, value: formatCount(data.activeReaders, locale) },
          { key: 'inRooms', label: t.inRooms, value: formatCount(data.inRooms, locale) },
        ]}
      />
      {data.rooms.length === 0 ? (
        <p class="empty">{t.noRooms}</p>
      ) : (
        <DataTable
          caption={t.inRooms}
          head={[t.workshop, t.learners]}
          rows={data.rooms.map((r) => ({
            key: r.workshopId,
            cells: [r.title, formatCount(r.learners, locale)],
          }))}
        />
      )}
      <div class="toolbar">
        <p class="meta">{t.asOf(at)}</p>
        <button type="button" class="ghost" onClick={onRefresh}>
          {t.refresh}
        </button>
      </div>
    </Panel>
  );
}
