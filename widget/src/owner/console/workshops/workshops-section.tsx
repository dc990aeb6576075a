import type { OwnerWorkshop } from '@lectern/server/contract';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ConsoleContext } from '../console-context.ts';
import { CancelDialog } from './cancel-dialog.tsx';
import { WorkshopEditor } from './workshop-editor.tsx';
import { FILTERS, type Filter, matchesFilter } from './workshop-status.ts';
import { workshopStrings } from './workshop-strings.ts';
import { WorkshopTable } from './workshop-table.tsx';

export type OwnerWorkshopList = { workshops: OwnerWorkshop[] };

/**
 * The Workshops section: every workshop of the site with its seats and revenue, filters, and the
 * owner's actions. `#/workshops?edit=ID` (or `edit=new`, `edit=new&from=ID` to duplicate) opens
 * the form instead of the list, so a reload keeps the owner where they were.
 */
export function Section({ ctx }: { ctx: ConsoleContext }) {
  const t = workshopStrings(ctx.locale);
  const base = `/v1/sites/${encodeURIComponent(ctx.site)}`;
  const [list, setList] = useState<OwnerWorkshop[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [notice, setNotice] = useState<{ text: string; error?: boolean } | null>(null);
  const [cancelling, setCancelling] = useState<OwnerWorkshop | null>(null);
  const { params } = ctx.route;
  const Heading = `h${ctx.level}` as 'h2';
  const filter: Filter = FILTERS.includes(params.filter as Filter) ? (params.filter as Filter) : 'all';

  const load = useCallback(() => {
    setFailed(false);
    ctx.call<OwnerWorkshopList>(`${base}/owner/workshops`).then(
      (res) => setList(res.workshops),
      () => setFailed(true),
    );
  }, [ctx.call, base]);
  useEffect(load, [load]);

  async function act(w: OwnerWorkshop, action: 'publish' | 'unpublish' | 'cancel') {
    setNotice(null);
    try {
      await ctx.call<OwnerWorkshop>(`${base}/workshops/${encodeURIComponent(w.id)}/${action}`, {
        method: 'POST',
      });
      const said = action === 'publish' ? t.published : action === 'unpublish' ? t.unpublished : t.cancelled;
      setNotice({ text: said(w.title) });
      load();
    } catch {
      setNotice({ text: t.actionFailed, error: true });
    }
  }

  if (params.edit) {
    const close = (saved?: OwnerWorkshop) => {
      if (saved) load();
      ctx.navigate('workshops', filter === 'all' ? {} : { filter });
    };
    return <WorkshopEditor ctx={ctx} editId={params.edit} fromId={params.from} onClose={close} />;
  }

  const now = Date.now();
  const shown = list?.filter((w) => matchesFilter(w, filter, now)) ?? [];
  const labels: Record<Filter, string> = {
    all: t.filterAll,
    upcoming: t.filterUpcoming,
    past: t.filterPast,
    drafts: t.filterDrafts,
  };
  return (
    <section aria-labelledby="workshops-title">
      <div class="toolbar">
        <fieldset class="filters">
          <legend class="visually-hidden">{t.filters}</legend>
          {FILTERS.map((f) => (
            <button
              key={f}
              type="button"
              aria-pressed={f === filter}
              onClick={() => ctx.navigate('workshops', f === 'all' ? {} : { filter: f })}
            >
              {labels[f]}
            </button>
          ))}
        </fieldset>
        <button type="button" onClick={() => ctx.navigate('workshops', { edit: 'new' })}>
          {t.newWorkshop}
        </button>
      </div>
      <Heading id="workshops-title" class="visually-hidden">
        {t.title}
      </Heading>
      {notice && (
        <p class={notice.error ? 'notice error' : 'notice'} role="status">
          {notice.text}
        </p>
      )}
      {failed ? (
        <p class="notice error">
          {t.loadFailed}{' '}
          <button type="button" class="ghost" onClick={load}>
            {t.retry}
          </button>
        </p>
      ) : !list ? (
        <p class="meta">{t.loading}</p>
      ) : shown.length === 0 ? (
        <p class="meta">{t.none}</p>
      ) : (
        <WorkshopTable
          ctx={ctx}
          t={t}
          workshops={shown}
          now={now}
          onPublish={(w) => act(w, 'publish')}
          onUnpublish={(w) => act(w, 'unpublish')}
          onCancel={setCancelling}
        />
      )}
      {cancelling && (
        <CancelDialog
          t={t}
          workshop={cancelling}
          onClose={() => setCancelling(null)}
          onConfirm={() => act(cancelling, 'cancel').then(() => setCancelling(null))}
        />
      )}
    </section>
  );
}
