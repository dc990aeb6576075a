import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import { Markdown } from '../../../ui/markdown.tsx';
import type { DraftField, WorkshopDraft } from './workshop-draft.ts';
import type { FormStrings } from './workshop-form-strings.ts';
import { timeZones } from './zoned-time.ts';

type Props = {
  t: FormStrings;
  draft: WorkshopDraft;
  errors: Partial<Record<DraftField, string>>;
  onChange(field: DraftField, value: string): void;
};

/** Every field the API has, each with its server error right below it. */
export function WorkshopFields({ t, draft, errors, onChange }: Props) {
  const zones = useMemo(timeZones, []);
  const field = (name: DraftField, label: string, input: ComponentChildren, help?: string) => (
    <div class="field">
      <label for={`wf-${name}`}>
        {label}
        {help && (
          <span class="help" id={`wf-${name}-help`}>
            {help}
          </span>
        )}
      </label>
      {input}
      {errors[name] && (
        <p class="field-error" id={`wf-${name}-error`}>
          {errors[name]}
        </p>
      )}
    </div>
  );
  const attrs = (name: DraftField, help?: boolean) => ({
    id: `wf-${name}`,
    name,
    value: draft[name],
    'aria-invalid': errors[name] ? ('true' as const) : undefined,
    'aria-describedby':
      [help && `wf-${name}-help`, errors[name] && `wf-${name}-error`].filter(Boolean).join(' ') || undefined,
    onInput: (e: Event) => onChange(name, (e.target as HTMLInputElement).value),
  });

  return (
    <>
      {field('title', t.title, <input {...attrs('title')} maxLength={160} required />)}
      {field('summary', t.summary, <input {...attrs('summary')} maxLength={400} />)}
      {field('description', t.description, <textarea {...attrs('description', true)} />, t.descriptionHelp)}
      <div class="field">
        <span class="help" id="wf-preview-label">
          {t.preview}
        </span>
        <section class="preview" aria-labelledby="wf-preview-label">
          <Markdown source={draft.description} />
        </section>
      </div>
      {field('hostName', t.hostName, <input {...attrs('hostName')} maxLength={120} required />)}
      <div class="grid-2">
        {field('date', t.date, <input {...attrs('date')} type="date" required />)}
        {field('time', t.time, <input {...attrs('time')} type="time" required />)}
        {field(
          'timeZone',
          t.timeZone,
          <>
            <input {...attrs('timeZone', true)} list="wf-zones" autoComplete="off" spellcheck={false} />
            <datalist id="wf-zones">
              {zones.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          </>,
          t.timeZoneHelp,
        )}
        {field(
          'durationMinutes',
          t.duration,
          <input {...attrs('durationMinutes')} type="number" min={5} max={1440} />,
        )}
        {field('capacity', t.capacity, <input {...attrs('capacity')} type="number" min={1} />)}
        {field('price', t.price, <input {...attrs('price', true)} inputMode="decimal" />, t.priceHelp)}
        {field('currency', t.currency, <input {...attrs('currency')} maxLength={3} autoComplete="off" />)}
        {field('language', t.language, <input {...attrs('language', true)} />, t.languageHelp)}
      </div>
      {field('tags', t.tags, <input {...attrs('tags', true)} />, t.tagsHelp)}
    </>
  );
}
