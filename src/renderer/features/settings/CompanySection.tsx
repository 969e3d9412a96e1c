import { useState } from 'react';
import type { Result } from '../../../shared/api';
import { useApiMutation } from '../../api/queries';
import { RecomputeProgress } from './RecomputeProgress';

type Settings = Result<'settings/get'>['settings'];

/** Who we are (the interface and the brief name us; installed-base files name our machines) and how to read ambiguous dates. */
export function CompanySection({ settings }: { readonly settings: Settings }) {
  const [companyName, setCompanyName] = useState(settings.companyName);
  const [ownVendorName, setOwnVendorName] = useState(settings.ownVendorName);
  const [defaultDateOrder, setDateOrder] = useState(settings.defaultDateOrder);
  const save = useApiMutation('settings/save');
  const problem = !companyName.trim() ? 'The company name cannot be empty.' : !ownVendorName.trim() ? 'The vendor name cannot be empty.' : null;
  const dirty = companyName !== settings.companyName || ownVendorName !== settings.ownVendorName || defaultDateOrder !== settings.defaultDateOrder;
  return (
    <form
      className="company"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        // Only what changed: a vendor name saved for the first time changes how machines are counted.
        if (!problem && dirty)
          save.mutate({
            ...(companyName !== settings.companyName ? { companyName } : {}),
            ...(ownVendorName !== settings.ownVendorName ? { ownVendorName } : {}),
            ...(defaultDateOrder !== settings.defaultDateOrder ? { defaultDateOrder } : {}),
          });
      }}
    >
      <h2>Company</h2>
      <div className="company-fields">
        <label className="field">
          Company name
          <input value={companyName} maxLength={200} aria-invalid={!companyName.trim()} aria-describedby="company-help" onChange={(e) => setCompanyName(e.target.value)} />
          <span id="company-help" className="muted-text field-help">
            Shown in the window and on review briefs.
          </span>
        </label>
        <label className="field">
          Our vendor name
          <input value={ownVendorName} maxLength={200} aria-invalid={!ownVendorName.trim()} aria-describedby="vendor-help" onChange={(e) => setOwnVendorName(e.target.value)} />
          <span id="vendor-help" className="muted-text field-help">
            How installed-base files name the maker of our own machines, to tell them from competitors’.
          </span>
        </label>
        <fieldset className="radio-row">
          <legend>Dates like 03/04/2024, when nothing in a file tells</legend>
          <label>
            <input type="radio" name="date-order" value="dmy" checked={defaultDateOrder === 'dmy'} onChange={() => setDateOrder('dmy')} /> Day first (3 April)
          </label>
          <label>
            <input type="radio" name="date-order" value="mdy" checked={defaultDateOrder === 'mdy'} onChange={() => setDateOrder('mdy')} /> Month first (March 4)
          </label>
        </fieldset>
      </div>
      <div className="settings-actions">
        <button type="submit" className="primary" disabled={!dirty || problem !== null || save.isPending} aria-busy={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save'}
        </button>
        <RecomputeProgress active={save.isPending} />
        <span role="status" className="settings-status">
          {problem ? <span className="error">{problem}</span> : save.isError ? <span className="error">{save.error.message}</span> : save.isSuccess && !dirty ? 'Saved.' : null}
        </span>
      </div>
    </form>
  );
}
