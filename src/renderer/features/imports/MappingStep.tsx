import { useState } from 'react';
import type { Inspection } from '../../../shared/api/imports';
import type { MappingSpec } from '../../../shared/import-types';
import { FIELDS, KINDS, KIND_LABEL, type Kind } from '../../../shared/kinds';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { Dialog } from '../../components/Dialog';
import { useInspection } from './FilesStep';
import { update, updateFile, type WizardFile } from './store';
import { HOW_LABEL, sourceLabel } from './labels';
import { TableHead } from '../../components/TableHead';

/** Step 2: where each column goes, with the user's corrections, and saved mappings. */
export function MappingStep({ files, onPreview, starting, startError }: { readonly files: readonly WizardFile[]; readonly onPreview: () => void; readonly starting: boolean; readonly startError: string | null }) {
  const ready = files.every((f) => f.verdict === 'ready');
  const blocked = files.filter((f) => f.verdict === 'problem' || f.verdict === 'error').length;
  return (
    <section className="wizard-step" aria-labelledby="step-title">
      <h2 id="step-title">Check the mapping</h2>
      <p className="muted-text">Each column of the file and the field it fills. Change a column’s field, give a missing field one value for every row, or start from a saved mapping.</p>
      {files.map((file) => (
        <MappingFile key={file.key} file={file} />
      ))}
      {startError && (
        <p role="alert" className="error">
          {startError}
        </p>
      )}
      <div className="wizard-actions">
        <button type="button" onClick={() => update((s) => ({ ...s, step: 'files' }))}>
          Back
        </button>
        <button type="button" className="primary" disabled={!ready || starting} aria-busy={starting} onClick={onPreview}>
          Preview the import
        </button>
        {blocked > 0 && <span className="muted-text">{blocked === 1 ? 'One file needs' : `${blocked} files need`} attention before the preview.</span>}
      </div>
    </section>
  );
}

function MappingFile({ file }: { readonly file: WizardFile }) {
  const { inspection, error } = useInspection(file);
  const setMapping = (change: (m: MappingSpec) => MappingSpec): void => updateFile(file.key, (f) => ({ ...f, mapping: change(f.mapping), profile: null }));
  const titleId = `map-${file.key}`;
  return (
    <section className="mapping-file card" aria-labelledby={titleId}>
      <h3 id={titleId}>{file.name}</h3>
      {error && (
        <p role="alert" className="error">
          {error.message}
        </p>
      )}
      {!inspection && !error && <p role="status">Looking at the file…</p>}
      {inspection && (
        <>
          <MappingControls file={file} inspection={inspection} setMapping={setMapping} />
          {inspection.problem && (
            <p role="alert" className="error file-problem">
              {inspection.problem.message}
            </p>
          )}
          {inspection.format !== null && inspection.columns.length > 0 && <ColumnTable file={file} inspection={inspection} setMapping={setMapping} />}
          {inspection.kind && <OtherFields file={file} inspection={inspection} setMapping={setMapping} />}
        </>
      )}
    </section>
  );
}

type SetMapping = (change: (m: MappingSpec) => MappingSpec) => void;

function MappingControls({ file, inspection, setMapping }: { readonly file: WizardFile; readonly inspection: Inspection; readonly setMapping: SetMapping }) {
  const profiles = useApiQuery('profiles/list', {});
  const [saving, setSaving] = useState(false);
  const id = file.key;
  return (
    <div className="mapping-controls">
      <label className="field">
        Kind of file
        <select
          id={`${id}-kind`}
          value={file.mapping.kind ?? ''}
          onChange={(e) => setMapping((m) => ({ ...m, kind: e.target.value === '' ? undefined : (e.target.value as Kind), columns: {}, constants: {} }))}
        >
          <option value="">{inspection.kind && !inspection.kindChosen ? `Recognised: ${KIND_LABEL[inspection.kind]}` : 'Recognise from the columns'}</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABEL[k]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        Dates like 03/04/2026
        <select value={file.mapping.dateOrder ?? ''} onChange={(e) => setMapping((m) => ({ ...m, dateOrder: e.target.value === '' ? undefined : (e.target.value as 'dmy' | 'mdy') }))}>
          <option value="">Decide from the file</option>
          <option value="dmy">Day first (dd/mm/yyyy)</option>
          <option value="mdy">Month first (mm/dd/yyyy)</option>
        </select>
      </label>
      {inspection.format === 'xlsx' && inspection.sheets.length > 1 && (
        <label className="field">
          Sheet
          <select value={file.mapping.sheet ?? ''} onChange={(e) => setMapping((m) => ({ ...m, sheet: e.target.value === '' ? undefined : e.target.value }))}>
            <option value="">The first that fits ({inspection.sheet ?? 'none'})</option>
            {inspection.sheets.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="field">
        Saved mapping
        <select
          value={file.profile ?? ''}
          onChange={(e) => {
            const chosen = profiles.data?.find((p) => p.name === e.target.value);
            updateFile(file.key, (f) => ({ ...f, mapping: chosen ? chosen.mapping : {}, profile: chosen ? chosen.name : null }));
          }}
        >
          <option value="">{profiles.data?.length ? 'None' : 'None saved yet'}</option>
          {profiles.data?.map((p) => (
            <option key={p.name} value={p.name}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="save-profile" onClick={() => setSaving(true)} disabled={!inspection.kind}>
        Save this mapping…
      </button>
      <SaveProfileDialog open={saving} onClose={() => setSaving(false)} file={file} inspection={inspection} />
    </div>
  );
}

function SaveProfileDialog({ open, onClose, file, inspection }: { readonly open: boolean; readonly onClose: () => void; readonly file: WizardFile; readonly inspection: Inspection }) {
  const save = useApiMutation('profiles/save');
  const [name, setName] = useState(file.profile ?? '');
  return (
    <Dialog
      open={open}
      title="Save the mapping"
      submitLabel="Save"
      busy={save.isPending}
      error={save.error?.message ?? null}
      onClose={() => {
        save.reset();
        onClose();
      }}
      onSubmit={() => {
        if (name.trim() === '') return;
        // The kind is kept with it, so the mapping applies to a file whatever its columns suggest.
        const mapping: MappingSpec = { ...file.mapping, ...(inspection.kind ? { kind: inspection.kind } : {}) };
        save.mutate(
          { name: name.trim(), mapping },
          {
            onSuccess: (saved) => {
              updateFile(file.key, (f) => ({ ...f, mapping: saved.mapping, profile: saved.name }));
              onClose();
            },
          },
        );
      }}
    >
      <label className="field">
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} required autoFocus />
      </label>
      <p className="muted-text">Choose it under “Saved mapping” the next time a file like {file.name} comes in. A mapping with the same name is replaced.</p>
    </Dialog>
  );
}

function ColumnTable({ file, inspection, setMapping }: { readonly file: WizardFile; readonly inspection: Inspection; readonly setMapping: SetMapping }) {
  const fields = inspection.kind ? FIELDS[inspection.kind] : [];
  const assign = (column: Inspection['columns'][number], field: string): void =>
    setMapping((m) => {
      const columns = { ...m.columns };
      if (column.field) columns[column.field] = null;
      if (field !== '') columns[field] = column.header;
      const constants = { ...m.constants };
      if (field !== '') delete constants[field];
      return { ...m, columns, constants };
    });
  const how = (field: string | null): string | null => {
    if (!field) return null;
    const source = inspection.fields.find((f) => f.field === field)?.source;
    return source?.type === 'column' ? (HOW_LABEL[source.how] ?? null) : null;
  };
  return (
    <div className="table-wrap mapping-table">
      <table className="data compact" aria-label={`Columns of ${file.name}`}>
        <TableHead columns={['Column in the file', 'Sample values', 'Imported as', 'How']} />
        <tbody>
          {inspection.columns.map((column) => (
            <tr key={column.index}>
              <th scope="row">
                {column.header || <span className="muted-text">(no name)</span>}
                {column.label !== column.header && <div className="muted-text column-label">{column.label}</div>}
              </th>
              <td className="samples">{column.samples.length > 0 ? column.samples.join(' · ') : <span className="muted-text">empty</span>}</td>
              <td>
                <select aria-label={`Field for column ${column.header || column.index + 1}`} value={column.field ?? ''} onChange={(e) => assign(column, e.target.value)} disabled={!inspection.kind}>
                  <option value="">Not imported</option>
                  {fields.map((f) => (
                    <option key={f.name} value={f.name}>
                      {f.label}
                      {f.required ? ' (required)' : ''}
                    </option>
                  ))}
                </select>
              </td>
              <td className="muted-text">{how(column.field)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Fields no column fills: required ones take one value for every row; the others say what they get. */
function OtherFields({ file, inspection, setMapping }: { readonly file: WizardFile; readonly inspection: Inspection; readonly setMapping: SetMapping }) {
  const others = inspection.fields.filter((f) => f.source.type !== 'column' && (f.required || f.source.type !== 'none'));
  if (others.length === 0) return null;
  const setConstant = (field: string, value: string): void =>
    setMapping((m) => {
      const constants = { ...m.constants };
      if (value === '') delete constants[field];
      else constants[field] = value;
      return { ...m, constants };
    });
  return (
    <div className="other-fields">
      <h4>Fields without a column</h4>
      <ul>
        {others.map((f) => (
          <li key={f.field}>
            <span className="other-name">
              {f.label}
              {f.required && <span className="chip muted">required</span>}
            </span>
            {f.required || f.source.type === 'constant' ? (
              <ConstantInput key={`${f.field}-${file.mapping.constants?.[f.field] ?? ''}`} label={f.label} initial={file.mapping.constants?.[f.field] ?? ''} onSet={(v) => setConstant(f.field, v)} />
            ) : (
              <span className="muted-text">{sourceLabel(f.source)}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function ConstantInput({ label, initial, onSet }: { readonly label: string; readonly initial: string; readonly onSet: (value: string) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <form
      className="constant-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSet(value.trim());
      }}
    >
      <input aria-label={`${label}: one value for every row`} placeholder="One value for every row" value={value} onChange={(e) => setValue(e.target.value)} maxLength={1000} />
      <button type="submit">Use</button>
    </form>
  );
}
