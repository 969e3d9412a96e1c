import { useDeferredValue, useState } from 'react';
import { useApiQuery } from '../../api/queries';
import { formatInteger, plural } from '../../components/format';
import { isDefaultFilter, RULE_LABEL, STATUS_CHOICES, type AlertsFilter, type StatusChoice } from './labels';

/** Rule, status, owner, assignee and account; the severity is chosen with the counts above. */
export function AlertFilters({
  filter,
  owners,
  assignees,
  total,
  loading,
  onChange,
  onClear,
}: {
  readonly filter: AlertsFilter;
  readonly owners: readonly string[];
  readonly assignees: readonly string[];
  readonly total: number;
  readonly loading: boolean;
  readonly onChange: (change: Partial<AlertsFilter>) => void;
  readonly onClear: () => void;
}) {
  return (
    <div className="filters alerts-filters" role="search" aria-label="Filter the alerts">
      <Choice label="Rule" value={filter.rule} all="Every rule" options={Object.entries(RULE_LABEL)} onChange={(rule) => onChange({ rule })} />
      <label>
        <span className="visually-hidden">Status</span>
        <select value={filter.status} onChange={(e) => onChange({ status: e.target.value as StatusChoice })}>
          {Object.entries(STATUS_CHOICES).map(([value, c]) => (
            <option key={value} value={value}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <Choice label="Owner" value={filter.owner} all="Every owner" options={owners.map((o) => [o, o])} onChange={(owner) => onChange({ owner })} />
      <Choice label="Assigned to" value={filter.assignee} all="Assigned to anyone" options={assignees.map((o) => [o, o])} onChange={(assignee) => onChange({ assignee })} />
      {filter.accountId ? (
        <button type="button" className="chip-button" onClick={() => onChange({ accountId: '', accountName: '' })} aria-label={`Show every account, not only ${filter.accountName || filter.accountId}`}>
          {filter.accountName || filter.accountId} ✕
        </button>
      ) : (
        <AccountPicker onPick={(accountId, accountName) => onChange({ accountId, accountName })} />
      )}
      <span className="filter-count" aria-live="polite">
        {loading ? 'Counting…' : plural(total, 'alert')}
      </span>
      {!isDefaultFilter(filter) && (
        <button type="button" className="link-button" onClick={onClear}>
          Clear filters
        </button>
      )}
    </div>
  );
}

function Choice({ label, value, all, options, onChange }: { readonly label: string; readonly value: string; readonly all: string; readonly options: ReadonlyArray<readonly [string, string]>; readonly onChange: (v: string) => void }) {
  return (
    <label>
      <span className="visually-hidden">{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{all}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Type part of a name or number, pick the account from the suggestions. */
function AccountPicker({ onPick }: { readonly onPick: (accountId: string, accountName: string) => void }) {
  const [text, setText] = useState('');
  const search = useDeferredValue(text.trim());
  const found = useApiQuery('accounts/list', { search, limit: 20 }, { enabled: search.length > 0 });
  const options = found.data?.accounts ?? [];
  const label = (a: { name: string; accountId: string }): string => `${a.name} (${a.accountId})`;
  const choose = (value: string): void => {
    const match = options.find((a) => label(a) === value || a.accountId.toLowerCase() === value.trim().toLowerCase());
    if (match) {
      setText('');
      onPick(match.accountId, match.name);
    }
  };
  return (
    <label className="account-picker">
      <span className="visually-hidden">Account</span>
      <input
        type="search"
        list="alert-accounts"
        placeholder="Any account"
        value={text}
        autoComplete="off"
        onChange={(e) => {
          setText(e.target.value);
          choose(e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            if (options.length === 1) {
              setText('');
              onPick(options[0]!.accountId, options[0]!.name);
            } else choose(text);
          }
        }}
        aria-describedby="alert-accounts-hint"
      />
      <span id="alert-accounts-hint" className="visually-hidden">
        {search && found.data ? `${formatInteger(found.data.total)} accounts match; pick one from the list` : 'Type part of an account’s name or number'}
      </span>
      <datalist id="alert-accounts">
        {options.map((a) => (
          <option key={a.accountId} value={label(a)} />
        ))}
      </datalist>
    </label>
  );
}
