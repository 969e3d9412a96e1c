import { useState } from 'react';
import type { AlertAction } from '../../../shared/api/alerts';
import { Dialog } from '../../components/Dialog';
import { formatDay, plural } from '../../components/format';

export type DialogKind = 'snooze' | 'assign' | 'resolve' | 'dismiss';

const TITLE: Record<DialogKind, string> = { snooze: 'Snooze', assign: 'Assign', resolve: 'Resolve', dismiss: 'Dismiss' };

const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * What an action needs said: until when and why for a snooze, to whom for an assignment, how for
 * a resolution, why (if you like) for a dismissal.
 */
export function ActionDialog({
  kind,
  count,
  subject,
  today,
  people,
  busy,
  error,
  onClose,
  onSubmit,
}: {
  readonly kind: DialogKind | null;
  readonly count: number;
  /** The alert's title when there is one. */
  readonly subject: string | null;
  readonly today: string;
  readonly people: readonly string[];
  readonly busy: boolean;
  readonly error: string | null;
  readonly onClose: () => void;
  readonly onSubmit: (action: AlertAction) => void;
}) {
  const [until, setUntil] = useState(() => addDays(today, 7));
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [last, setLast] = useState<DialogKind | null>(null);
  if (kind !== last) {
    // A fresh dialog: a week from today, nothing written yet.
    setLast(kind);
    setUntil(addDays(today, 7));
    setText('');
    setProblem(null);
  }
  const submit = (): void => {
    if (!kind) return;
    const said = text.trim();
    if (kind === 'snooze') {
      if (!until || until < today) return setProblem(`Snooze until a date from ${formatDay(today)} on.`);
      if (!said) return setProblem('Say why the alert can wait.');
      return onSubmit({ kind, until, reason: said });
    }
    if (kind === 'resolve') {
      if (!said) return setProblem('Say how it was resolved: the note stays in the alert’s history.');
      return onSubmit({ kind, note: said });
    }
    if (kind === 'assign') return onSubmit({ kind, to: said || null });
    return onSubmit({ kind, ...(said ? { reason: said } : {}) });
  };
  const what = count === 1 ? 'alert' : plural(count, 'alert');
  return (
    <Dialog open={kind !== null} title={kind ? `${TITLE[kind]} ${what}` : ''} submitLabel={kind ? TITLE[kind] : 'Save'} busy={busy} error={problem ?? error} onClose={onClose} onSubmit={submit}>
      {subject && <p className="dialog-subject">{subject}</p>}
      {kind === 'snooze' && (
        <>
          <label className="field">
            Until
            <input type="date" value={until} min={today} required onChange={(e) => setUntil(e.target.value)} />
          </label>
          <label className="field">
            Why it can wait
            <textarea rows={3} value={text} aria-required="true" onChange={(e) => setText(e.target.value)} placeholder="The customer is closed until the 7th" />
          </label>
        </>
      )}
      {kind === 'assign' && (
        <label className="field">
          Assign to
          <input type="text" value={text} list="alert-people" autoComplete="off" onChange={(e) => setText(e.target.value)} placeholder="A colleague’s name; empty to unassign" />
          <datalist id="alert-people">
            {people.map((p) => (
              <option key={p} value={p} />
            ))}
          </datalist>
        </label>
      )}
      {kind === 'resolve' && (
        <label className="field">
          How it was resolved
          <textarea rows={3} value={text} aria-required="true" onChange={(e) => setText(e.target.value)} placeholder="Called the facilities manager; the fuser is ordered" />
        </label>
      )}
      {kind === 'dismiss' && (
        <label className="field">
          Why (optional)
          <input type="text" value={text} onChange={(e) => setText(e.target.value)} placeholder="Not a risk for this customer" />
        </label>
      )}
    </Dialog>
  );
}
