// The widget's one way to log a behaviour event: `track(type, fields)`, the same call as the
// behaviour log's own (`@lectern/widget/log`), through a thin lazy door so element chunks do not
// bundle the log (IndexedDB, outbox) into their own code. The loader starts the log when the
// browser is idle (the room, which can be mounted without the loader, starts it as it mounts);
// events tracked before then wait here and are logged once it has started.
// Nothing here ever throws into the host page.
import type { WidgetConfig } from './config.ts';
import type { EventType, TrackFields } from './log/index.ts';

type LogModule = typeof import('./log/index.ts');
let log: Promise<LogModule> | null = null;
let waiting: [EventType, TrackFields | undefined][] = [];

/** Loads and configures the behaviour log for the script tag's site (once; later calls reuse it). */
export function startLog(config: Pick<WidgetConfig, 'site' | 'server'>): Promise<LogModule> {
  log ??= import('./log/index.ts').then((m) => {
    m.configureLog({ site: config.site, server: config.server });
    m.startAutoTracking();
    for (const [type, fields] of waiting) m.track(type, fields);
    waiting = [];
    return m;
  });
  return log;
}

/** Logs an event for the script tag's site. Fire and forget. */
export function track(type: EventType, fields?: TrackFields): void {
  if (!log) {
    waiting.push([type, fields]);
    return;
  }
  log.then((m) => m.track(type, fields)).catch(() => {});
}
