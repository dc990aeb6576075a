import type { OwnerKeyRotated } from '@lectern/server/contract';
import { useState } from 'preact/hooks';
import { keepSession } from '../owner-session.ts';
import type { ConsoleContext } from './console-context.ts';
import { ConsoleDialog } from './console-dialog.tsx';
import type { ConsoleStrings } from './console-strings.ts';

type Step =
  | { at: 'closed' }
  | { at: 'confirm'; busy?: boolean; error?: boolean }
  | { at: 'shown'; key: string };

/**
 * "Rotate owner key": after a confirm the server replaces the key (the old one stops at once and
 * every older session with it); the new key is shown here once, and this tab carries on with the
 * fresh session the answer brings.
 */
export function KeyRotation({ ctx, t, level }: { ctx: ConsoleContext; t: ConsoleStrings; level: number }) {
  const [step, setStep] = useState<Step>({ at: 'closed' });
  const [copied, setCopied] = useState(false);
  const Heading = `h${level}` as 'h2';

  async function rotate() {
    setStep({ at: 'confirm', busy: true });
    try {
      const res = await ctx.call<OwnerKeyRotated>(`/v1/sites/${encodeURIComponent(ctx.site)}/owner-key`, {
        method: 'POST',
      });
      keepSession(ctx.site, res.session);
      setCopied(false);
      setStep({ at: 'shown', key: res.ownerKey });
    } catch {
      setStep({ at: 'confirm', error: true });
    }
  }

  const close = () => setStep({ at: 'closed' });
  return (
    <>
      <button type="button" class="ghost" onClick={() => setStep({ at: 'confirm' })}>
        {t.rotateKey}
      </button>
      {step.at === 'confirm' && (
        <ConsoleDialog labelledBy="console-rotate" onCancel={step.busy ? undefined : close}>
          <div class="sheet">
            <Heading id="console-rotate">{t.rotateTitle}</Heading>
            <p>{t.rotateLead}</p>
            {step.error && (
              <p class="err" role="alert">
                {t.rotateFailed}
              </p>
            )}
            <div class="actions">
              <button type="button" class="ghost" onClick={close} disabled={step.busy}>
                {t.cancel}
              </button>
              <button type="button" class="danger" onClick={rotate} disabled={step.busy}>
                {step.busy ? t.rotating : t.rotateConfirm}
              </button>
            </div>
          </div>
        </ConsoleDialog>
      )}
      {step.at === 'shown' && (
        <ConsoleDialog labelledBy="console-new-key" onCancel={close}>
          <div class="sheet">
            <Heading id="console-new-key">{t.newKeyTitle}</Heading>
            <p>{t.newKeyLead}</p>
            <output class="secret" aria-label={t.ownerKey}>
              {step.key}
            </output>
            <div class="actions">
              <button
                type="button"
                class="ghost"
                onClick={() =>
                  navigator.clipboard?.writeText(step.key).then(
                    () => setCopied(true),
                    () => {},
                  )
                }
              >
                {copied ? t.copied : t.copy}
              </button>
              <button type="button" onClick={close}>
                {t.done}
              </button>
            </div>
          </div>
        </ConsoleDialog>
      )}
    </>
  );
}
