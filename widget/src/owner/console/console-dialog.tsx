import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

type Props = {
  /** The dialog's accessible name: the id of its heading. */
  labelledBy: string;
  /** Esc or the backdrop's close: undefined keeps the dialog open (the owner must choose). */
  onCancel?: () => void;
  children: ComponentChildren;
};

/**
 * A native modal `<dialog>` for the console: focus stays inside while it is open, the page behind
 * is inert, and when it closes focus returns to what opened it. Open while mounted.
 */
export function ConsoleDialog({ labelledBy, onCancel, children }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    // What had focus (inside our shadow root: the root's activeElement, not the document's).
    const root = d?.getRootNode() as Document | ShadowRoot | undefined;
    const opener = root?.activeElement as HTMLElement | null | undefined;
    if (d && !d.open) d.showModal();
    return () => {
      d?.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={dialog}
      aria-labelledby={labelledBy}
      onCancel={(e) => {
        e.preventDefault();
        onCancel?.();
      }}
    >
      {children}
    </dialog>
  );
}
