import type { OwnerWorkshop } from '@lectern/server/contract';
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../../api/request.ts';
import { formatStart } from '../../../i18n/format.ts';
import type { ConsoleContext } from '../console-context.ts';
import {
  type DraftField,
  draftOf,
  emptyDraft,
  fieldErrors,
  toWorkshopInput,
  type WorkshopDraft,
} from './workshop-draft.ts';
import { WorkshopFields } from './workshop-fields.tsx';
import { formStrings } from './workshop-form-strings.ts';
import { zonedToInstant } from './zoned-time.ts';

type Props = {
  ctx: ConsoleContext;
  /** A workshop id, or `new`. */
  editId: string;
  /** With `editId = new`: the workshop to duplicate (a week later). */
  fromId?: string;
  onClose(saved?: OwnerWorkshop): void;
};

type Errors = Partial<Record<DraftField | 'form', string>>;

/** Create, edit or duplicate a workshop; the server's validation errors land next to their fields. */
export function WorkshopEditor({ ctx, editId, fromId, onClose }: Props) {
  const t = formStrings(ctx.locale);
  const base = `/v1/sites/${encodeURIComponent(ctx.site)}`;
  const creating = editId === 'new';
  const sourceId = creating ? fromId : editId;
  const [source, setSource] = useState<OwnerWorkshop | null | 'missing'>(null);
  const [draft, setDraft] = useState<WorkshopDraft | null>(sourceId ? null : emptyDraft(ctx.locale));
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const Heading = `h${ctx.level}` as 'h2';

  useEffect(() => {
    if (!sourceId) return;
    ctx.call<{ workshops: OwnerWorkshop[] }>(`${base}/owner/workshops`).then(
      (res) => {
        const found = res.workshops.find((w) => w.id === sourceId);
        setSource(found ?? 'missing');
        if (found) setDraft(draftOf(found, creating ? 7 : 0));
      },
      () => setErrors({ form: t.saveFailed }),
    );
  }, [sourceId]);

  if (source === 'missing') return <p class="notice error">{t.notFound}</p>;
  if (!draft) return <p class="meta">{errors.form ?? t.loading}</p>;

  const change = (field: DraftField, value: string) => {
    setDraft({ ...draft, [field]: value });
    if (errors[field]) setErrors({ ...errors, [field]: undefined });
  };

  async function save(e: Event) {
    e.preventDefault();
    if (!draft) return;
    const checked = toWorkshopInput(draft);
    if ('errors' in checked) {
      const local: Errors = {};
      if (checked.errors.date) local.date = t.badDate;
      if (checked.errors.timeZone) local.timeZone = t.badZone;
      if (checked.errors.price) local.price = t.badPrice;
      if (checked.errors.durationMinutes) local.durationMinutes = t.badNumber;
      if (checked.errors.capacity) local.capacity = t.badNumber;
      return setErrors(local);
    }
    setBusy(true);
    setErrors({});
    try {
      const saved = await ctx.call<OwnerWorkshop>(
        creating ? `${base}/workshops` : `${base}/workshops/${encodeURIComponent(editId)}`,
        { method: creating ? 'POST' : 'PATCH', body: JSON.stringify(checked.input) },
      );
      onClose(saved);
    } catch (err) {
      const known = err instanceof ApiError && (err.status === 400 || err.status === 409);
      setErrors(known ? fieldErrors(err.details, err.message) : { form: t.saveFailed });
    } finally {
      setBusy(false);
    }
  }

  const title = !source ? t.newTitle : creating ? t.duplicateTitle(source.title) : t.editTitle(source.title);
  const start = zonedToInstant(draft.date, draft.time, draft.timeZone.trim());
  return (
    <form class="workshop-form sheet" onSubmit={save} noValidate aria-labelledby="wf-heading">
      <Heading id="wf-heading">{title}</Heading>
      {creating && fromId && <p class="help">{t.duplicateLead}</p>}
      <WorkshopFields t={t} draft={draft} errors={errors} onChange={change} />
      {start && (
        <p class="meta" aria-live="polite">
          {t.startsAt(formatStart(start.toISOString(), ctx.locale))}
        </p>
      )}
      {errors.form && (
        <p class="err" role="alert">
          {errors.form}
        </p>
      )}
      <div class="actions">
        <button type="button" class="ghost" onClick={() => onClose()}>
          {t.back}
        </button>
        <button type="submit" disabled={busy}>
          {busy ? t.saving : creating ? t.save : t.saveChanges}
        </button>
      </div>
    </form>
  );
}
