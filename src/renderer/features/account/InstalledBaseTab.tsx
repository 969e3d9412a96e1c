import { useMemo } from 'react';
import type { AccountView, AssetItem } from '../../../shared/account-types';
import { formatDay, formatInteger, formatMoney, formatPercent, formatScore, plural } from '../../components/format';
import { useFocusRecord } from '../../components/useFocusRecord';
import { EmptyState } from '../../components/States';
import { TableHead, figure } from '../../components/TableHead';

const SERVICER: Record<string, string> = { us: 'Us', competitor: 'A competitor', third_party: 'A third party', self: 'Themselves', unknown: 'Unknown' };
const COVERAGE: Record<string, string> = { contract: 'Contract', warranty: 'Warranty', time_and_materials: 'Time and materials', none: 'None' };

interface Site {
  name: string;
  assets: AssetItem[];
  total: number;
  ours: number;
}

/** The whole installed base, ours and others', by site and location; our share per site; machines to fix or replace. */
export function InstalledBaseTab({ view, focus }: { readonly view: AccountView; readonly focus: string | undefined }) {
  const sites = useMemo(() => bySite(view.installedBase), [view.installedBase]);
  const container = useFocusRecord<HTMLDivElement>(focus);
  if (view.installedBase.length === 0) return <EmptyState title="No installed base yet">Import the customer’s installed-base count (all vendors) to see our share.</EmptyState>;
  const total = sites.reduce((s, x) => s + x.total, 0);
  const ours = sites.reduce((s, x) => s + x.ours, 0);
  const flagged = view.installedBase.filter((a) => a.fixOrReplace).length;
  return (
    <div className="installed-base" ref={container}>
      <p className="answer">
        We service {formatInteger(ours)} of {plural(total, 'machine')} ({formatPercent(total === 0 ? null : ours / total)}) across {plural(sites.length, 'site')}.
        {flagged > 0 && ` ${plural(flagged, 'machine')} ${flagged === 1 ? 'is' : 'are'} due a fix-or-replace conversation.`}
      </p>
      {sites.map((site) => (
        <section key={site.name} className="site" aria-labelledby={`site-${site.name}`} data-record={site.name} tabIndex={-1}>
          <h2 id={`site-${site.name}`}>
            {site.name} <span className="muted-text">— ours {formatInteger(site.ours)} of {formatInteger(site.total)}</span>
          </h2>
          <div className="table-wrap">
            <table className="data compact">
              <TableHead columns={['Machine', 'Location', 'Vendor and model', figure('Qty'), 'Serviced by', 'Coverage', figure('Visits'), figure('First-time fix'), figure('MTBF'), figure('Repairs billed'), 'Flags']} />
              <tbody>
                {site.assets.map((a) => (
                  <tr key={a.id} data-record={a.id} tabIndex={-1} className={`${a.ours ? '' : 'not-ours'} ${focus === a.id ? 'focused' : ''}`}>
                    <th scope="row" className="mono">
                      {a.id}
                    </th>
                    <td>{a.location ?? '—'}</td>
                    <td>
                      {a.vendor}
                      {a.model && <span className="muted-text"> {a.model}</span>}
                    </td>
                    <td className="num">{formatInteger(a.quantity)}</td>
                    <td>{a.servicedBy ? SERVICER[a.servicedBy] ?? a.servicedBy : '—'}</td>
                    <td>
                      {a.coverage ? COVERAGE[a.coverage] ?? a.coverage : '—'}
                      {a.warrantyEnd && a.coverage === 'warranty' && <span className="muted-text"> to {formatDay(a.warrantyEnd)}</span>}
                    </td>
                    <td className="num">{formatInteger(a.visits)}</td>
                    <td className="num">{formatPercent(a.firstTimeFixRate)}</td>
                    <td className="num">{a.mtbfDays === null ? '—' : `${formatScore(a.mtbfDays)} d`}</td>
                    <td className="num">{a.repairCost > 0 ? formatMoney(a.repairCost) : '—'}</td>
                    <td>
                      {a.fixOrReplace && <span className="chip severity-high">Fix or replace</span>}
                      {a.overRatedVolume && <span className="chip muted">Over its rated volume</span>}
                      {a.breakdownsIn180Days >= 2 && !a.fixOrReplace && <span className="chip muted">{a.breakdownsIn180Days} breakdowns in 6 months</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}

function bySite(assets: readonly AssetItem[]): Site[] {
  const sites = new Map<string, Site>();
  for (const a of assets) {
    const name = a.site ?? 'Unnamed site';
    const site = sites.get(name) ?? { name, assets: [], total: 0, ours: 0 };
    sites.set(name, site);
    site.assets.push(a);
    site.total += a.quantity;
    if (a.ours) site.ours += a.quantity;
  }
  return [...sites.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
}
