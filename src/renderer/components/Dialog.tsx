import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';

/**
 * A modal dialog on the platform's <dialog>: focus moves in and back, Esc closes, the rest of the
 * window is inert while it is open.
 */
export function Dialog({
  open,
  title,
  onClose,
  onSubmit,
  submitLabel,
  busy = false,
  error,
  children,
}: {
  readonly open: boolean;
  readonly title: string;
  readonly onClose: () => void;
  readonly onSubmit: () => void;
  readonly submitLabel: string;
  readonly busy?: boolean;
  readonly error?: string | null;
  readonly children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    else if (!open && d.open) d.close();
  }, [open]);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (!busy) onSubmit();
  };
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="dialog-title" onClose={onClose} onCancel={onClose}>
      {open && (
        <form onSubmit={submit}>
          <h2 id="dialog-title">{title}</h2>
          <div className="dialog-body">{children}</div>
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={busy} aria-busy={busy}>
              {submitLabel}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
