import type { QueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../shared/api';
import { paths } from '../app/paths';
import { fetchApi } from './queries';

/**
 * What the window opening asks for at once. Each part of the window asks only once the part around
 * it shows (the data file's check, then what the app holds, then the portfolio and the alerts'
 * count): three round trips one after another, the last the portfolio's ten thousand rows. Asked
 * for together, the portfolio is on its way while the file is checked; nothing is shown before the
 * check has passed, since the views still wait for it. An empty file opens on the first run, and
 * what it would show there is not asked for.
 */
export function askForFirstView(client: QueryClient, api: ApiClient, hash: string): void {
  const ignore = (): undefined => undefined;
  fetchApi(client, api, 'app/health', {}).catch(ignore);
  fetchApi(client, api, 'app/info', {}).then((info) => {
    if (info.empty) return;
    fetchApi(client, api, 'alerts/counts', {}).catch(ignore);
    if (opensOnPortfolio(hash)) fetchApi(client, api, 'accounts/list', {}).catch(ignore);
  }, ignore);
}

/** The window's address with no route is the portfolio's. */
function opensOnPortfolio(hash: string): boolean {
  return (hash.replace(/^#/, '') || paths.portfolio) === paths.portfolio;
}
