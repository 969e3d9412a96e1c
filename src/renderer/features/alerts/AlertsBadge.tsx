import { useApiQuery } from '../../api/queries';
import { formatInteger } from '../../components/format';

/** The navigation's "Alerts" with the count of what waits in a badge; read out as "Alerts, 12 open". */
export function AlertsNavLabel() {
  const counts = useApiQuery('alerts/counts', {});
  const open = counts.data?.open ?? 0;
  if (open === 0) return <>Alerts</>;
  return (
    <>
      <span aria-hidden="true">Alerts</span>
      <span className="nav-count" aria-hidden="true" data-alerts-badge={open}>
        {formatInteger(open)}
      </span>
      <span className="visually-hidden">Alerts, {formatInteger(open)} open</span>
    </>
  );
}
