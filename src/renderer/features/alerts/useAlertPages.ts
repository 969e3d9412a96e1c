import type { UseQueryResult } from '@tanstack/react-query';
import type { AlertItem, InboxFilter, SeverityCounts } from '../../../shared/api/alerts';
import type { Result } from '../../../shared/api';
import { useApiQuery } from '../../api/queries';

export const PAGE_SIZE = 200;

export interface AlertPages {
  /** The first page: it also says how many match and how many of each severity. */
  readonly head: UseQueryResult<Result<'alerts/inbox'>, Error>;
  readonly total: number;
  readonly counts: SeverityCounts | undefined;
  /** The alert at a position in the inbox, once its page has come. */
  readonly at: (index: number) => AlertItem | undefined;
  /** Every alert in the pages in hand. */
  readonly loaded: () => AlertItem[];
}

/**
 * The inbox a page at a time: the first page, and the two pages around the rows in view, so a
 * portfolio with tens of thousands of alerts never sends them all.
 */
export function useAlertPages(filter: InboxFilter, firstInView: number): AlertPages {
  const head = useApiQuery('alerts/inbox', { ...filter, offset: 0, limit: PAGE_SIZE });
  const total = head.data?.total ?? 0;
  const page = Math.floor(Math.max(0, firstInView) / PAGE_SIZE);
  const here = useApiQuery('alerts/inbox', { ...filter, offset: page * PAGE_SIZE, limit: PAGE_SIZE }, { enabled: page > 0 && page * PAGE_SIZE < total });
  const next = useApiQuery('alerts/inbox', { ...filter, offset: (page + 1) * PAGE_SIZE, limit: PAGE_SIZE }, { enabled: (page + 1) * PAGE_SIZE < total });
  const at = (index: number): AlertItem | undefined => {
    const p = Math.floor(index / PAGE_SIZE);
    const within = index - p * PAGE_SIZE;
    if (p === 0) return head.data?.items[within];
    if (p === page) return here.data?.items[within];
    if (p === page + 1) return next.data?.items[within];
    return undefined;
  };
  const loaded = (): AlertItem[] => [...(head.data?.items ?? []), ...(page > 0 ? here.data?.items ?? [] : []), ...(next.data?.items ?? [])];
  return { head, total, counts: head.data?.counts, at, loaded };
}
