import { useEffect, useId, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { useApiQuery } from '../api/queries';
import { paths } from './paths';
import { BandChip } from '../components/Band';

/** Ctrl+K or "/": type part of a name, arrows to choose, Enter to open, Esc to close. */
export function FindAccount({ open, onClose }: { readonly open: boolean; readonly onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const [, navigate] = useLocation();
  const listId = useId();
  const found = useApiQuery('accounts/list', { search: text.trim(), limit: 12 }, { enabled: open && text.trim().length > 0 });
  const accounts = text.trim() && found.data ? found.data.accounts : [];

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      setText('');
      setActive(0);
      d.showModal();
    } else if (!open && d.open) d.close();
  }, [open]);

  const choose = (accountId: string): void => {
    onClose();
    navigate(paths.account(accountId));
  };

  return (
    <dialog ref={dialog} className="find-account" aria-label="Find an account" onClose={onClose} onCancel={onClose}>
      <input
        type="search"
        role="combobox"
        aria-expanded={accounts.length > 0}
        aria-controls={listId}
        aria-activedescendant={accounts[active] ? `${listId}-${active}` : undefined}
        aria-label="Account name or number"
        placeholder="Account name or number"
        value={text}
        autoFocus
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => Math.min(a + 1, accounts.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter' && accounts[active]) {
            e.preventDefault();
            choose(accounts[active].accountId);
          }
        }}
      />
      <ul id={listId} role="listbox" aria-label="Accounts found" className="find-results">
        {accounts.map((a, i) => (
          <li
            key={a.accountId}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            onMouseEnter={() => setActive(i)}
            onClick={() => choose(a.accountId)}
          >
            <span className="find-name">{a.name}</span>
            <span className="find-meta">
              {a.accountId} · {a.owner ?? 'no owner'}
            </span>
            <BandChip band={a.band} />
          </li>
        ))}
        {text.trim() && found.data && accounts.length === 0 && <li className="find-none">No account matches “{text.trim()}”.</li>}
      </ul>
      <p className="find-hint">
        <kbd>↑</kbd> <kbd>↓</kbd> to choose, <kbd>Enter</kbd> to open, <kbd>Esc</kbd> to close
      </p>
    </dialog>
  );
}
