import type { QueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../shared/api';
import { prefetchApi } from './queries';

/**
 * What the window opening asks for at once. Each part of the window asks only once the part around
 * it shows (the data file's check, then what the app holds, then the portfolio and the alerts'
 * count): three round trips one after another, the last the portfolio's ten thousand rows. Asked
 * together, the portfolio is on its way while the file is checked; nothing is shown before the
 * check has passed, since the views still wait for it.
 */
export function askForFirstView(client: QueryClient, api: ApiClient, hash: string): void {
  prefetchApi(client, api, 'app/health', {});
  prefetchApi(client, api, 'app/info', {});
  if (!opensOnPortfolio(hash)) return;
  prefetchApi(client, api, 'accounts/list', {});
  prefetchApi(client, api, 'alerts/counts', {});
}

/** The portfolio is the window's address with no route, or the root route. */
export function opensOnPortfolio(hash: string): boolean {
  return hash === '' || hash === '#' || hash === '#/';
}
