// The console's "Analytics" section (its own lazy chunk, uPlot included): the owner API behind
// the view. The period lives in the console's address (`#/analytics?from=…&to=…`), so a reload
// or a shared link opens the same figures.
import type { Analytics } from '@lectern/server/contract';
import { useMemo } from 'preact/hooks';
import { ApiError } from '../../../api/request.ts';
import { currentSession } from '../../owner-session.ts';
import type { ConsoleContext } from '../console-context.ts';
import { type AnalyticsSource, AnalyticsView } from './analytics-view.tsx';
import { checkRange, type DayRange } from './range.ts';

const query = (range: DayRange) => `from=${range.from}&to=${range.to}`;

/**
 * The export zip. `ctx.call` reads JSON, so the zip is fetched here with the tab's owner session;
 * when the session is missing or refused, one cheap call through `ctx.call` lets the console ask
 * for the key again (the section stays as it is), then the download is tried once more.
 */
export async function fetchExport(ctx: ConsoleContext, range: DayRange): Promise<Blob> {
  const path = `/v1/sites/${encodeURIComponent(ctx.site)}/owner/analytics/export?${query(range)}`;
  const download = async () => {
    const token = currentSession(ctx.site)?.token;
    if (!token) return null;
    return fetch(`${ctx.server}${path}`, {
      headers: { Authorization: `Bearer ${token}` },
      credentials: 'omit',
      cache: 'no-store',
    });
  };
  let res = await download();
  if (!res || res.status === 401 || res.status === 403) {
    await ctx.call(`/v1/sites/${encodeURIComponent(ctx.site)}`);
    res = await download();
  }
  if (!res?.ok) throw new ApiError(res?.status ?? 401, 'server', `Export failed: HTTP ${res?.status}`);
  return res.blob();
}

export function Section({ ctx }: { ctx: ConsoleContext }) {
  const { server, site, call } = ctx;
  const source = useMemo<AnalyticsSource>(
    () => ({
      site,
      load: (range) =>
        call<Analytics>(`/v1/sites/${encodeURIComponent(site)}/owner/analytics?${query(range)}`),
      exportZip: (range) => fetchExport({ ...ctx, server, site, call }, range),
    }),
    // ctx itself changes with every navigation; the API behind it does not.
    [server, site, call],
  );
  const asked = { from: ctx.route.params.from ?? '', to: ctx.route.params.to ?? '' };
  return (
    <AnalyticsView
      locale={ctx.locale}
      level={ctx.level}
      source={source}
      initialRange={checkRange(asked) ? undefined : asked}
      onRange={(range) => ctx.navigate('analytics', { ...range })}
    />
  );
}
