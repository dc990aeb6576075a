// The messages a Lectern page and the Lectern browser extension exchange through
// `window.postMessage`, and their checks. Both sides import this one module: the widget through
// its relative path, the extension's content script and background through
// `@lectern/widget/extension-bridge`. Zod-free on purpose (it ships in the widget's log chunk).

import type { BehaviourEvent } from '@lectern/server/contract';
import { EVENT_TYPES } from '@lectern/server/contract/event-types';

/** Every bridge message carries this namespace; anything else on `message` is not ours. */
export const BRIDGE_NS = 'lectern-extension/1';
/** Set on `<html>` by the extension's content script: the widget asks the extension only then. */
export const PRESENCE_ATTRIBUTE = 'data-lectern-extension';

/** An event as handed to the extension: no anonymous id and no upload state (the page keeps those). */
export type BridgedEvent = Omit<BehaviourEvent, 'anon'>;

/** Page → extension. */
export type PageMessage =
  | { ns: typeof BRIDGE_NS; from: 'page'; type: 'event'; server: string; site: string; event: BridgedEvent }
  | {
      ns: typeof BRIDGE_NS;
      from: 'page';
      type: 'recommend';
      id: string;
      server: string;
      site: string;
      limit: number;
    };

/** Extension → page: workshop ids of the asking site only, best first. */
export type ExtensionMessage = {
  ns: typeof BRIDGE_NS;
  from: 'extension';
  type: 'recommended';
  id: string;
  site: string;
  workshops: string[];
};

const MAX_ID = 120;
const MAX_PATH = 512;
const MAX_ITEMS = 50;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const shortString = (v: unknown, max = MAX_ID): v is string =>
  typeof v === 'string' && v.length > 0 && v.length <= max;
const optionalString = (v: unknown, max = MAX_ID) => v === undefined || v === null || shortString(v, max);

/** The server's origin (`https://lectern.example`), or null when `value` is not an http(s) URL. */
export function serverOrigin(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 300) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

function parseEvent(v: unknown, site: string): BridgedEvent | null {
  if (!isRecord(v)) return null;
  const ok =
    shortString(v.id) &&
    typeof v.ts === 'number' &&
    Number.isFinite(v.ts) &&
    v.site === site &&
    shortString(v.session) &&
    (EVENT_TYPES as readonly unknown[]).includes(v.type) &&
    shortString(v.path, MAX_PATH) &&
    optionalString(v.workshop) &&
    optionalString(v.label) &&
    (v.value === undefined || v.value === null || (typeof v.value === 'number' && Number.isFinite(v.value)));
  if (!ok) return null;
  const event: BridgedEvent = {
    id: v.id as string,
    ts: v.ts as number,
    site,
    session: v.session as string,
    type: v.type as BridgedEvent['type'],
    path: v.path as string,
  };
  if (typeof v.workshop === 'string') event.workshop = v.workshop;
  if (typeof v.label === 'string') event.label = v.label;
  if (typeof v.value === 'number') event.value = v.value;
  return event;
}

/** A well-formed page message, rebuilt field by field (extra fields dropped), or null. */
export function parsePageMessage(data: unknown): PageMessage | null {
  if (!isRecord(data) || data.ns !== BRIDGE_NS || data.from !== 'page') return null;
  const server = serverOrigin(data.server);
  if (!server || !shortString(data.site)) return null;
  const base = { ns: BRIDGE_NS, from: 'page', server, site: data.site } as const;
  if (data.type === 'event') {
    const event = parseEvent(data.event, data.site);
    return event ? { ...base, type: 'event', event } : null;
  }
  if (data.type === 'recommend') {
    if (!shortString(data.id)) return null;
    const limit = Number.isInteger(data.limit) ? Math.min(Math.max(data.limit as number, 1), 20) : 3;
    return { ...base, type: 'recommend', id: data.id, limit };
  }
  return null;
}

/** A well-formed extension answer, or null. */
export function parseExtensionMessage(data: unknown): ExtensionMessage | null {
  if (!isRecord(data) || data.ns !== BRIDGE_NS || data.from !== 'extension') return null;
  if (data.type !== 'recommended' || !shortString(data.id) || !shortString(data.site)) return null;
  const list = data.workshops;
  if (!Array.isArray(list) || list.length > MAX_ITEMS || !list.every((w) => shortString(w))) return null;
  return {
    ns: BRIDGE_NS,
    from: 'extension',
    type: 'recommended',
    id: data.id,
    site: data.site,
    workshops: list,
  };
}
