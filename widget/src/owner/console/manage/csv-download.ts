import { currentSession } from '../../owner-session.ts';
import type { ConsoleContext } from '../console-context.ts';

/**
 * Downloads an owner CSV export. The session travels in the `Authorization` header (no cookies),
 * which a plain link cannot send, so the file is fetched and handed to the browser as a blob;
 * the server's `Content-Disposition` names it. A JSON `call` first lets the shell ask for the key
 * again when the session has ended.
 */
export async function downloadCsv(
  ctx: Pick<ConsoleContext, 'call' | 'server' | 'site'>,
  path: string,
  probePath: string,
  anchorParent: HTMLElement,
): Promise<void> {
  await ctx.call(probePath);
  const session = currentSession(ctx.site);
  if (!session) throw new Error('signed out');
  const res = await fetch(`${ctx.server}${path}`, {
    headers: { Authorization: `Bearer ${session.token}` },
    credentials: 'omit',
    cache: 'no-store',
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'export.csv';
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  anchorParent.append(a);
  a.click();
  a.remove();
  // The browser has started the download; the blob can go once this task is over.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
