import { useState } from 'react';
import type { ChecklistGroupDef, ChecklistItemDef } from '../../../shared/checklist-types';
import type { Result } from '../../../shared/api';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { ErrorState, Loading } from '../../components/States';
import { plural } from '../../components/format';
import { formatMoment } from './when';
import { TableHead, figure } from '../../components/TableHead';
import { RecomputeProgress } from './RecomputeProgress';

type TemplateData = Result<'checklist/template/get'>;

const newId = (prefix: string): string => `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** What is wrong with an edited template, before the service says so. */
function problemOf(groups: readonly ChecklistGroupDef[]): string | null {
  if (groups.length === 0) return 'A checklist needs at least one group.';
  for (const g of groups) {
    if (!g.title.trim()) return 'Every group needs a title.';
    for (const i of g.items) {
      if (!i.text.trim()) return `An item in "${g.title}" has no text.`;
      if (i.kind === 'manual' && (!Number.isInteger(i.validDays ?? 365) || (i.validDays ?? 365) < 1 || (i.validDays ?? 365) > 3660)) return `"${i.text}": a tick stays valid for 1 to 3,660 days.`;
    }
  }
  return null;
}

/** The partnership checklist template: items added, removed, reworded and regrouped; saved as a new version. */
export function ChecklistSection() {
  const query = useApiQuery('checklist/template/get', {});
  // Here, not in the editor: the editor starts afresh on the new version, the outcome stays.
  const save = useApiMutation('checklist/template/save');
  if (query.isError) return <ErrorState title="The checklist template cannot be shown" message={query.error.message} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Loading what="the checklist template" />;
  return <TemplateEditor key={query.data.version} data={query.data} save={save} />;
}

function TemplateEditor({ data, save }: { readonly data: TemplateData; readonly save: ReturnType<typeof useApiMutation<'checklist/template/save'>> }) {
  const [groups, setGroups] = useState<ChecklistGroupDef[]>(() => structuredClone(data.template.groups));
  const [note, setNote] = useState('');
  const dirty = JSON.stringify(groups) !== JSON.stringify(data.template.groups);
  const problem = problemOf(groups);

  const updateItem = (g: number, i: number, change: Partial<ChecklistItemDef>): void =>
    setGroups((gs) => gs.map((group, gi) => (gi !== g ? group : { ...group, items: group.items.map((item, ii) => (ii === i ? { ...item, ...change } : item)) })));
  const moveItem = (g: number, i: number, toGroup: number, toIndex?: number): void =>
    setGroups((gs) => {
      const next = gs.map((group) => ({ ...group, items: [...group.items] }));
      const [item] = next[g]!.items.splice(i, 1);
      const target = next[toGroup]!.items;
      target.splice(toIndex ?? target.length, 0, item!);
      return next;
    });
  const removeItem = (g: number, i: number): void => setGroups((gs) => gs.map((group, gi) => (gi !== g ? group : { ...group, items: group.items.filter((_, ii) => ii !== i) })));
  const addItem = (g: number): void =>
    setGroups((gs) => gs.map((group, gi) => (gi !== g ? group : { ...group, items: [...group.items, { id: newId('item'), text: '', kind: 'manual', validDays: 365 }] })));

  return (
    <form
      className="template-editor"
      onSubmit={(e) => {
        e.preventDefault();
        if (dirty && !problem) save.mutate({ note: note.trim() || null, groups });
      }}
    >
      <h2>Checklist template</h2>
      <p className="muted-text">
        Version {data.version}, saved {formatMoment(data.createdAt)}{data.note ? ` — ${data.note}` : ''}. Items marked “from the data” are ticked by the app; the others by the account manager, and a tick
        stays valid for the days given. Saving makes a new version; the earlier ones are kept.
      </p>
      {groups.map((group, g) => (
        <fieldset key={group.id} className="template-group card">
          <legend className="visually-hidden">{group.title || 'New group'}</legend>
          <div className="group-head">
            <label className="group-title">
              <span className="visually-hidden">Group title</span>
              <input value={group.title} aria-label={`Title of group ${g + 1}`} onChange={(e) => setGroups((gs) => gs.map((x, gi) => (gi === g ? { ...x, title: e.target.value } : x)))} />
            </label>
            <span className="muted-text">{plural(group.items.length, 'item')}</span>
            {group.items.length === 0 && groups.length > 1 && (
              <button type="button" className="link-button" onClick={() => setGroups((gs) => gs.filter((_, gi) => gi !== g))}>
                Remove group
              </button>
            )}
          </div>
          <ul className="template-items">
            {group.items.map((item, i) => {
              const name = item.text.trim() || 'new item';
              return (
                <li key={item.id} className="template-item">
                  <input className="item-text" value={item.text} aria-label={`Text of “${name}”`} placeholder="What the account manager confirms" onChange={(e) => updateItem(g, i, { text: e.target.value })} />
                  {item.kind === 'derived' ? (
                    <span className="chip muted" title="Evaluated from the data">
                      from the data
                    </span>
                  ) : (
                    <label className="valid-days">
                      <span>valid</span>
                      <input
                        type="number"
                        min={1}
                        max={3660}
                        value={item.validDays ?? 365}
                        aria-label={`Days a tick of “${name}” stays valid`}
                        onChange={(e) => updateItem(g, i, { validDays: e.target.value === '' ? 0 : Number(e.target.value) })}
                      />
                      <span>days</span>
                    </label>
                  )}
                  <span className="item-tools">
                    <button type="button" aria-label={`Move “${name}” up`} title="Move up" disabled={i === 0} onClick={() => moveItem(g, i, g, i - 1)}>
                      ↑
                    </button>
                    <button type="button" aria-label={`Move “${name}” down`} title="Move down" disabled={i === group.items.length - 1} onClick={() => moveItem(g, i, g, i + 1)}>
                      ↓
                    </button>
                    <select aria-label={`Group of “${name}”`} value={g} onChange={(e) => moveItem(g, i, Number(e.target.value))}>
                      {groups.map((other, oi) => (
                        <option key={other.id} value={oi}>
                          {other.title || 'New group'}
                        </option>
                      ))}
                    </select>
                    <button type="button" aria-label={`Remove “${name}”`} title="Remove" onClick={() => removeItem(g, i)}>
                      Remove
                    </button>
                  </span>
                </li>
              );
            })}
          </ul>
          <button type="button" className="link-button" onClick={() => addItem(g)}>
            Add an item to {group.title || 'this group'}
          </button>
        </fieldset>
      ))}
      <button type="button" onClick={() => setGroups((gs) => [...gs, { id: newId('group'), title: 'New group', items: [] }])}>
        Add a group
      </button>

      <div className="settings-actions sticky-actions">
        <label className="field note-field">
          What changed (kept with the version)
          <input value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} placeholder="e.g. Downtime question reworded" />
        </label>
        <button type="submit" className="primary" disabled={!dirty || problem !== null || save.isPending} aria-busy={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save as a new version'}
        </button>
        <button type="button" disabled={!dirty} onClick={() => setGroups(structuredClone(data.template.groups))}>
          Undo changes
        </button>
        <RecomputeProgress active={save.isPending} />
        <span role="status" className="settings-status">
          {dirty && problem ? <span className="error">{problem}</span> : save.isError ? <span className="error">{save.error.message}</span> : save.isSuccess && !dirty ? `Saved as version ${save.data.version}.` : null}
        </span>
      </div>

      <table className="data compact versions">
        <caption>Versions</caption>
        <TableHead columns={[figure('Version'), 'Saved', 'Note']} />
        <tbody>
          {[...data.versions]
            .sort((a, b) => b.version - a.version)
            .map((v) => (
              <tr key={v.version}>
                <td className="num">{v.version}</td>
                <td>{formatMoment(v.createdAt)}</td>
                <td>{v.note ?? ''}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </form>
  );
}
