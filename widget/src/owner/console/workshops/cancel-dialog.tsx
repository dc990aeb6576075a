import type { OwnerWorkshop } from '@lectern/server/contract';
import { useState } from 'preact/hooks';
import { ConsoleDialog } from '../console-dialog.tsx';
import type { WorkshopStrings } from './workshop-strings.ts';

type Props = { t: WorkshopStrings; workshop: OwnerWorkshop; onClose(): void; onConfirm(): Promise<void> };

/** The confirm before cancelling: says what happens to the tickets (refunded in full, emailed). */
export function CancelDialog({ t, workshop, onClose, onConfirm }: Props) {
  const [busy, setBusy] = useState(false);
  return (
    <ConsoleDialog labelledBy="cancel-title" onCancel={busy ? undefined : onClose}>
      <div class="sheet">
        <h2 id="cancel-title">{t.cancelTitle}</h2>
        <p>{t.cancelLead(workshop.title, workshop.paidCount)}</p>
        <div class="actions">
          <button type="button" class="ghost" onClick={onClose} disabled={busy}>
            {t.keep}
          </button>
          <button
            type="button"
            class="danger"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              onConfirm().finally(() => setBusy(false));
            }}
          >
            {busy ? t.working : t.confirmCancel}
          </button>
        </div>
      </div>
    </ConsoleDialog>
  );
}
