import type { ModelTrained, SiteSettings } from '@lectern/server/contract';
import { useRef, useState } from 'preact/hooks';
import { formatStart } from '../../../i18n/format.ts';
import type { ConsoleContext } from '../console-context.ts';
import { Loaded } from './loaded.tsx';
import { manageStrings } from './manage-strings.ts';
import { useManageStyles } from './manage-style.ts';
import { OriginsForm } from './origins-form.tsx';
import { PaymentMethodsForm, type Save, SettingsGroup, SplitForm, WeightsForm } from './settings-forms.tsx';
import { sitePath, useOwnerData } from './use-owner-data.ts';

/**
 * Site settings: name and origins (`PATCH /v1/sites/:site`), payment methods, satisfaction weights
 * and the A/B split (`PATCH …/owner/settings`, the path `lectern site settings` takes too), and
 * "Retrain now". Each group saves on its own and says so.
 */
export function Section({ ctx }: { ctx: ConsoleContext }) {
  const t = manageStrings(ctx.locale);
  const root = useRef<HTMLDivElement>(null);
  useManageStyles(root);
  const base = sitePath(ctx.site);
  const settings = useOwnerData<SiteSettings>(ctx, `${base}/owner/settings`);
  const Heading = `h${ctx.level}` as 'h2';
  const patch =
    (path: string): Save =>
    async (body) => {
      try {
        await ctx.call(path, { method: 'PATCH', body: JSON.stringify(body) });
      } catch (err) {
        throw new Error((err as Error).message);
      }
    };
  return (
    <div class="manage settings" ref={root}>
      <Heading class="console-title">{t.settingsTitle}</Heading>
      <Loaded source={settings} t={t}>
        {(data) => (
          <>
            <NameForm name={data.name} t={t} save={patch(base)} />
            <OriginsForm settings={data} t={t} save={patch(base)} />
            <PaymentMethodsForm settings={data} t={t} save={patch(`${base}/owner/settings`)} />
            <WeightsForm settings={data} t={t} save={patch(`${base}/owner/settings`)} />
            <SplitForm settings={data} t={t} save={patch(`${base}/owner/settings`)} />
            <Retrain ctx={ctx} settings={data} />
          </>
        )}
      </Loaded>
    </div>
  );
}

function NameForm({ name, t, save }: { name: string; t: ReturnType<typeof manageStrings>; save: Save }) {
  const [value, setValue] = useState(name);
  return (
    <SettingsGroup
      id="settings-name"
      title={t.siteName}
      t={t}
      blocked={value.trim() ? null : t.siteName}
      onSubmit={() => save({ name: value.trim() })}
    >
      <label>
        {t.siteName}
        <input
          value={value}
          maxLength={120}
          required
          onInput={(e) => setValue((e.target as HTMLInputElement).value)}
        />
      </label>
    </SettingsGroup>
  );
}

function Retrain({ ctx, settings }: { ctx: ConsoleContext; settings: SiteSettings }) {
  const t = manageStrings(ctx.locale);
  const [state, setState] = useState<
    { kind: 'idle' | 'working' | 'failed' } | { kind: 'done'; text: string }
  >({
    kind: 'idle',
  });
  async function train() {
    setState({ kind: 'working' });
    try {
      const m = await ctx.call<ModelTrained>(`${sitePath(ctx.site)}/model/train`, {
        method: 'POST',
        body: '{}',
      });
      setState({ kind: 'done', text: t.trained(m.version, m.items) });
    } catch {
      setState({ kind: 'failed' });
    }
  }
  const model = settings.model;
  return (
    <section class="card" aria-labelledby="settings-retrain">
      <p id="settings-retrain" class="title">
        {model ? t.modelNow(model.version, formatStart(model.trainedAt, ctx.locale)) : t.noModel}
      </p>
      <div class="actions">
        <span role="status" class={state.kind === 'failed' ? 'field-error' : 'meta'}>
          {state.kind === 'done' ? state.text : state.kind === 'failed' ? t.trainFailed : ''}
        </span>
        <button type="button" onClick={train} disabled={state.kind === 'working'}>
          {state.kind === 'working' ? t.retraining : t.retrain}
        </button>
      </div>
    </section>
  );
}
