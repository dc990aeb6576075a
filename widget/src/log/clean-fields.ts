import type { TrackFields } from './event-types.ts';

const MAX_PATH = 512;
const LABEL = /^[\w.:-]{0,64}$/;

/**
 * The path of a URL or path, never its query string or fragment: those carry search terms,
 * tokens and emails. Relative paths resolve against `base`.
 */
export function cleanPath(raw: string, base = 'http://x/'): string {
  let path: string;
  try {
    path = new URL(raw, base).pathname;
  } catch {
    path = `/${raw.split(/[?#]/, 1)[0].replace(/^\/+/, '')}`;
  }
  return path.slice(0, MAX_PATH);
}

export type CleanResult = { fields: Omit<TrackFields, 'path'>; dropped: string[] };

/** Keeps only what the wire contract accepts; names what was dropped so misuse can be reported. */
export function cleanFields(fields: TrackFields): CleanResult {
  const out: CleanResult['fields'] = {};
  const dropped: string[] = [];
  if (fields.workshop !== undefined) {
    if (typeof fields.workshop === 'string' && fields.workshop.length > 0 && fields.workshop.length <= 64) {
      out.workshop = fields.workshop;
    } else dropped.push('workshop');
  }
  if (fields.value !== undefined) {
    if (typeof fields.value === 'number' && Number.isFinite(fields.value)) out.value = fields.value;
    else dropped.push('value');
  }
  if (fields.label !== undefined) {
    // Labels are machine labels (model version, variant): free text never leaves the device.
    if (typeof fields.label === 'string' && LABEL.test(fields.label)) out.label = fields.label;
    else dropped.push('label');
  }
  return { fields: out, dropped };
}
