import { formatChange } from './format';

/** A movement in points, with an arrow and words for screen readers, not colour alone. */
export function Change({ value, unit = 'points' }: { readonly value: number | null; readonly unit?: string }) {
  if (value === null) return <span className="muted-text">—</span>;
  const direction = value > 0.05 ? 'up' : value < -0.05 ? 'down' : 'flat';
  const arrow = direction === 'up' ? '▲' : direction === 'down' ? '▼' : '▬';
  return (
    <span className={`change change-${direction}`} title={`${formatChange(value)} ${unit} in 30 days`}>
      <span aria-hidden="true">{arrow} </span>
      {formatChange(value)}
    </span>
  );
}
