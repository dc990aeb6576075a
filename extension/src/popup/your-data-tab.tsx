import { useEffect, useState } from 'preact/hooks';
import type { YourData } from '../messages.ts';
import { ask } from './ask.ts';
import { forYouMirror } from './for-you-mirror.ts';
import { SiteAccessPanel } from './site-access-panel.tsx';
import { type ExtensionLocale, t } from './strings.ts';

/** What is kept and the learner's controls: pause, per-site forget, export, delete everything. */
export function YourDataTab({ locale }: { locale: ExtensionLocale }) {
  const s = t(locale);
  const [data, setData] = useState<YourData | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState('');
  const [failed, setFailed] = useState(false);
  const run = (p: Promise<YourData>, done = '') =>
    p.then(
      (d) => {
        setData(d);
        setNote(done);
      },
      () => setFailed(true),
    );
  // Forget and delete empty "For you" in storage.local; its copy in this page goes first, so that
  // no later opening paints a list built on what the learner asked to remove.
  const erase = (p: () => Promise<YourData>, done = '') => {
    forYouMirror.clear();
    return run(p(), done);
  };
  useEffect(() => {
    run(ask({ kind: 'your-data' }));
  }, []);
  if (!data) return <p class="muted">{failed ? s.error : s.loading}</p>;

  const exportFile = async () => {
    const file = await ask({ kind: 'export' });
    const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `lectern-extension-${file.exportedAt.slice(0, 10)}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <div>
      <SiteAccessPanel s={s} data={data} onChange={setData} />
      <section aria-labelledby="kept-title">
        <h2 id="kept-title">{s.tabs.data}</h2>
        <p class="muted">{s.data.kept}</p>
        <label class="switch">
          <input
            type="checkbox"
            checked={data.paused}
            onChange={(e) => run(ask({ kind: 'set-paused', paused: (e.target as HTMLInputElement).checked }))}
          />
          {s.data.pause}
        </label>
        {data.paused && <p class="muted">{s.data.paused}</p>}
      </section>
      <section aria-labelledby="sites-title">
        <h2 id="sites-title">{s.data.sites}</h2>
        {data.sites.length === 0 ? (
          <p class="muted">{s.data.noSites}</p>
        ) : (
          <ul class="cards">
            {data.sites.map((site) => (
              <li class="card" key={site.key} data-site-key={site.key}>
                <div class="row">
                  <span>
                    {site.host} <span class="muted">({site.site})</span> · {s.data.events(site.events)}
                  </span>
                  <button
                    type="button"
                    class="button secondary"
                    onClick={() => erase(() => ask({ kind: 'forget-site', key: site.key }))}
                  >
                    {s.data.forget(site.host)}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <div class="actions">
        <button
          type="button"
          class="button secondary"
          onClick={() => exportFile().catch(() => setFailed(true))}
        >
          {s.data.export}
        </button>
        {confirming ? (
          <fieldset>
            <legend>{s.data.confirmDelete}</legend>
            <button
              type="button"
              class="button"
              onClick={() => {
                setConfirming(false);
                erase(() => ask({ kind: 'delete-all' }), s.data.deleted);
              }}
            >
              {s.data.yesDelete}
            </button>{' '}
            <button type="button" class="button secondary" onClick={() => setConfirming(false)}>
              {s.data.cancel}
            </button>
          </fieldset>
        ) : (
          <button type="button" class="button secondary" onClick={() => setConfirming(true)}>
            {s.data.deleteAll}
          </button>
        )}
      </div>
      <p role="status">{note}</p>
    </div>
  );
}
