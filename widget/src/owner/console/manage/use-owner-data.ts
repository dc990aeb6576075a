import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ConsoleContext } from '../console-context.ts';

export type OwnerData<T> = { data: T | null; failed: boolean; reload(): void };

/**
 * One owner API read for a panel: loads on its own, says when it failed (the panel shows a calm
 * message with "Try again"), and reloads after the owner changed something. A null path waits.
 */
export function useOwnerData<T>(ctx: Pick<ConsoleContext, 'call'>, path: string | null): OwnerData<T> {
  const [data, setData] = useState<T | null>(null);
  const [failed, setFailed] = useState(false);
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (!path) return;
    let live = true;
    setFailed(false);
    ctx.call<T>(path).then(
      (value) => live && setData(value),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [ctx.call, path, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { data, failed, reload };
}

/** `/v1/sites/<site>` with the id encoded, the prefix of every owner path. */
export const sitePath = (site: string) => `/v1/sites/${encodeURIComponent(site)}`;

/** The server's error code of a failed call (`other` when there is none we know). */
export function errorCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'other';
}
