import type { PaymentMethod, RatingWeights, SiteSettings } from '@lectern/server/contract';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { ManageStrings } from './manage-strings.ts';
import { fromPercent, toPercent, weightsSumOff } from './settings-rules.ts';

/** A save that resolves with nothing, or rejects with the server's message. */
export type Save = (patch: Record<string, unknown>) => Promise<void>;

/** One settings group: a form with its own Save button and its own status line. */
export function SettingsGroup({
  id,
  title,
  t,
  onSubmit,
  blocked,
  children,
}: {
  id: string;
  title: string;
  t: ManageStrings;
  /** Runs on Save; throws to say why it was not saved. */
  onSubmit(): Promise<void>;
  /** A reason the form cannot be saved as it is (shown, Save disabled). */
  blocked?: string | null;
  children: ComponentChildren;
}) {
  const [state, setState] = useState<{ kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; text: string }>(
    {
      kind: 'idle',
    },
  );
  async function submit(e: Event) {
    e.preventDefault();
    if (blocked) return;
    setState({ kind: 'saving' });
    try {
      await onSubmit();
      setState({ kind: 'saved' });
    } catch (err) {
      setState({ kind: 'error', text: `${t.saveFailed}${(err as Error).message}` });
    }
  }
  return (
    <form
      class="card"
      aria-labelledby={`${id}-title`}
      onSubmit={submit}
      onInput={() => setState({ kind: 'idle' })}
    >
      <fieldset class="settings-group">
        <legend id={`${id}-title`} class="title">
          {title}
        </legend>
        {children}
      </fieldset>
      <div class="actions">
        <span role="status" class={state.kind === 'error' ? 'field-error' : 'meta'}>
          {state.kind === 'saved'
            ? t.saved
            : state.kind === 'error'
              ? state.text
              : state.kind === 'saving'
                ? t.saving
                : ''}
        </span>
        <button type="submit" disabled={state.kind === 'saving' || Boolean(blocked)}>
          {t.save}
        </button>
      </div>
    </form>
  );
}

export function PaymentMethodsForm({
  settings,
  t,
  save,
}: {
  settings: SiteSettings;
  t: ManageStrings;
  save: Save;
}) {
  const [chosen, setChosen] = useState<PaymentMethod[]>(settings.paymentMethods);
  const toggle = (m: PaymentMethod, on: boolean) =>
    setChosen((now) => settings.availablePaymentMethods.filter((x) => (x === m ? on : now.includes(x))));
  return (
    <SettingsGroup
      id="settings-payments"
      title={t.paymentMethods}
      t={t}
      onSubmit={() => save({ paymentMethods: chosen })}
    >
      <p class="help">{t.paymentHelp(settings.provider)}</p>
      <div class="grid-2">
        {settings.availablePaymentMethods.map((m) => (
          <label key={m} class="check">
            <input
              type="checkbox"
              name="paymentMethods"
              value={m}
              checked={chosen.includes(m)}
              onInput={(e) => toggle(m, (e.target as HTMLInputElement).checked)}
            />{' '}
            {t.methodNames[m] ?? m}
          </label>
        ))}
      </div>
    </SettingsGroup>
  );
}

const CRITERIA = ['content', 'instructor', 'interactivity'] as const;

export function WeightsForm({ settings, t, save }: { settings: SiteSettings; t: ManageStrings; save: Save }) {
  const [w, setW] = useState<RatingWeights>(settings.ratingWeights);
  const off = weightsSumOff(w);
  return (
    <SettingsGroup
      id="settings-weights"
      title={t.weights}
      t={t}
      blocked={off && t.weightsSum(off)}
      onSubmit={() => save({ ratingWeights: w })}
    >
      <p class="help" id="settings-weights-help">
        {t.weightsHelp}
      </p>
      <div class="grid-2">
        {CRITERIA.map((c) => (
          <label key={c}>
            {t.criteria[c]}
            <input
              type="number"
              min={0}
              max={1}
              step={0.05}
              value={w[c]}
              aria-describedby={
                off ? 'settings-weights-help settings-weights-error' : 'settings-weights-help'
              }
              aria-invalid={off ? 'true' : undefined}
              onInput={(e) => setW({ ...w, [c]: (e.target as HTMLInputElement).valueAsNumber })}
            />
          </label>
        ))}
      </div>
      {off && (
        <p class="field-error" id="settings-weights-error">
          {t.weightsSum(off)}
        </p>
      )}
    </SettingsGroup>
  );
}

export function SplitForm({ settings, t, save }: { settings: SiteSettings; t: ManageStrings; save: Save }) {
  const [pct, setPct] = useState(toPercent(settings.recoSplit));
  const valid = Number.isFinite(pct) && pct >= 0 && pct <= 100;
  return (
    <SettingsGroup
      id="settings-split"
      title={t.abSplit}
      t={t}
      blocked={valid ? null : t.abHelp(0)}
      onSubmit={() => save({ recoSplit: fromPercent(pct) })}
    >
      <label>
        %
        <input
          type="number"
          min={0}
          max={100}
          step={1}
          value={pct}
          aria-describedby="settings-split-help"
          onInput={(e) => setPct((e.target as HTMLInputElement).valueAsNumber)}
        />
      </label>
      <p class="help" id="settings-split-help">
        {t.abHelp(valid ? pct : 0)}
      </p>
    </SettingsGroup>
  );
}
