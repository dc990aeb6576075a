import type { AttendancePanel as Attendance, OTHER } from '@lectern/server/contract';
import { formatChange, formatCount, formatMinutes, formatPercent } from './format.ts';
import type { PanelProps } from './panel-props.ts';
import { Bars, DataTable, Figures, Heading, Panel } from './parts.tsx';

const OTHER_KEY: typeof OTHER = 'other';

/** Attendance rate, time in the room, interactions per attendee-hour; per workshop. */
export function AttendancePanel({ data, locale, t, compare }: PanelProps<Attendance>) {
  const kind = (k: string) => t.kinds[k] ?? k;
  const perHour = (n: number) => formatCount(Math.round(n * 10) / 10, locale);
  const change = (now: number | null, before: number | null) =>
    now === null || before === null ? null : formatChange(now, before, locale);
  return (
    <Panel id="attendance" title={t.attendance}>
      {data.tickets === 0 ? (
        <p class="empty">{t.notEnough}</p>
      ) : (
        <>
          <Figures
            vsPrevious={compare ? t.vsPrevious : undefined}
            items={[
              {
                key: 'rate',
                label: t.attendanceRate,
                value: formatPercent(data.rate, locale),
                change: change(data.rate, data.previous.rate),
              },
              {
                key: 'tickets',
                label: t.tickets,
                value: formatCount(data.tickets, locale),
                change: change(data.tickets, data.previous.tickets),
              },
              {
                key: 'attended',
                label: t.attendedCount,
                value: formatCount(data.attended, locale),
                change: change(data.attended, data.previous.attended),
              },
              {
                key: 'medianMinutes',
                label: t.medianMinutes,
                value: formatMinutes(data.medianMinutes, locale),
              },
              {
                key: 'meanMinutes',
                label: t.meanMinutes,
                value: formatMinutes(data.meanMinutes, locale),
                change: change(data.meanMinutes, data.previous.meanMinutes),
              },
            ]}
          />
          {Object.keys(data.interactionsPerHour).length > 0 && (
            <>
              <Heading depth={1}>{t.interactionsPerHour}</Heading>
              <Bars
                label={t.interactionsPerHour}
                rows={Object.entries(data.interactionsPerHour).map(([k, n]) => ({
                  key: k,
                  label: kind(k),
                  value: n,
                  text: perHour(n),
                }))}
              />
            </>
          )}
          {data.workshops.length > 0 && (
            <DataTable
              caption={t.perWorkshop}
              head={[t.workshop, t.tickets, t.attendedCount, t.attendanceRate, t.medianMinutes]}
              rows={data.workshops.map((w) => ({
                key: w.workshopId,
                cells: [
                  w.workshopId === OTHER_KEY ? t.other : w.title,
                  formatCount(w.tickets, locale),
                  formatCount(w.attended, locale),
                  formatPercent(w.rate, locale),
                  formatMinutes(w.medianMinutes, locale),
                ],
              }))}
            />
          )}
        </>
      )}
    </Panel>
  );
}
