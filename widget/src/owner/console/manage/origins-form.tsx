import type { SiteSettings } from '@lectern/server/contract';
import { useState } from 'preact/hooks';
import type { ManageStrings } from './manage-strings.ts';
import type { Save } from './settings-forms.tsx';
import { parseOrigin } from './settings-rules.ts';

/** The origins allowed to embed the site: each change is saved at once (add one, remove one). */
export function OriginsForm({ settings, t, save }: { settings: SiteSettings; t: ManageStrings; save: Save }) {
  const [origins, setOrigins] = useState(settings.origins);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);

  async function change(next: string[]) {
    setWorking(true);
    setError(null);
    try {
      await save({ origins: next });
      setOrigins(next);
      return true;
    } catch (err) {
      setError(`${t.saveFailed}${(err as Error).message}`);
      return false;
    } finally {
      setWorking(false);
    }
  }

  async function add(e: Event) {
    e.preventDefault();
    const origin = parseOrigin(draft);
    if (!origin) {
      setError(t.invalidOrigin);
      return;
    }
    if (origins.includes(origin) || (await change([...origins, origin]))) setDraft('');
  }

  function remove(origin: string) {
    if (origins.length === 1) {
      setError(t.lastOrigin);
      return;
    }
    change(origins.filter((o) => o !== origin));
  }

  return (
    <form class="card" aria-labelledby="settings-origins-title" onSubmit={add}>
      <fieldset class="settings-group">
        <legend id="settings-origins-title" class="title">
          {t.origins}
        </legend>
        <p class="help" id="settings-origins-help">
          {t.originsHelp}
        </p>
        <ul class="origins">
          {origins.map((o) => (
            <li key={o}>
              <code>{o}</code>{' '}
              <button
                type="button"
                class="ghost"
                aria-label={t.removeOrigin(o)}
                disabled={working}
                onClick={() => remove(o)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <label>
          {t.newOrigin}
          <input
            type="url"
            inputMode="url"
            placeholder="https://blog.example"
            value={draft}
            aria-describedby={
              error ? 'settings-origins-help settings-origins-error' : 'settings-origins-help'
            }
            aria-invalid={error ? 'true' : undefined}
            onInput={(e) => {
              setDraft((e.target as HTMLInputElement).value);
              setError(null);
            }}
          />
        </label>
        <p class="field-error" id="settings-origins-error" role="status">
          {error ?? ''}
        </p>
      </fieldset>
      <div class="actions">
        <button type="submit" disabled={working}>
          {t.addOrigin}
        </button>
      </div>
    </form>
  );
}
