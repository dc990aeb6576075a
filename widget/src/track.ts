// A thin, lazy door to the behaviour log: element chunks call `track` without bundling the log
// (IndexedDB, outbox) into their own code. Nothing here ever throws into the host page.
import type { WidgetConfig } from './config.ts';
import type { EventType, TrackFields } from './log/index.ts';

type LogModule = typeof import('./log/index.ts');
let log: Promise<LogModule> | null = null;

export function startLog(config: WidgetConfig): Promise<LogModule> {
  log ??= import('./log/index.ts').then((m) => {
    m.configureLog({ site: config.site, server: config.server });
    m.startAutoTracking();
    return m;
  });
  return log;
}

export function track(config: WidgetConfig, type: EventType, fields?: TrackFields): void {
  startLog(config)
    .then((m) => m.track(type, fields))
    .catch(() => {});
}
