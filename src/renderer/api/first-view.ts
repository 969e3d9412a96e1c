import type { QueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../shared/api';
import { paths } from '../app/paths';
import { cachedApi, fetchApi } from './queries';

const ignore = (): undefined => undefined;

/**
 * What the window opening asks for at once. Each part of the window asks only once the part around
 * it shows (the data file's check, then what the app holds, then the view and the alerts' count):
 * three round trips one after another, the last the view's data (the portfolio's ten thousand
 * rows). Asked for together, the view's data is on its way while the file is checked; nothing is
 * shown before the check has passed, since the views still wait for it. An empty file opens on the
 * first run, and what a view would show there is not asked for.
 */
export function askForFirstView(client: QueryClient, api: ApiClient, hash: string): void {
  fetchApi(client, api, 'app/health', {}).catch(ignore);
  fetchApi(client, api, 'app/info', {}).then((info) => {
    if (info.empty) return;
    fetchApi(client, api, 'alerts/counts', {}).catch(ignore);
    askForView(client, api, hash);
  }, ignore);
}

/**
 * Asks for the data of the view each new address shows, as the address changes. The view asks
 * only once it is on screen, after the view it replaces has been taken down (the portfolio's table
 * and charts) and its own frame drawn: by then the answer is on its way or in.
 */
export function askAheadOnNavigation(client: QueryClient, api: ApiClient, target: Pick<Window, 'addEventListener'> = window): void {
  target.addEventListener('hashchange', (event) => {
    const info = cachedApi(client, 'app/info', {});
    if (info && !info.empty) askForView(client, api, new URL(event.newURL).hash);
  });
}

/** The main answer of the view at an address (an account, its review brief, the portfolio), asked for unless cached. */
function askForView(client: QueryClient, api: ApiClient, hash: string): void {
  const route = hash.replace(/^#/, '').split('?')[0] || paths.portfolio;
  if (route === paths.portfolio) {
    fetchApi(client, api, 'accounts/list', {}).catch(ignore);
    return;
  }
  const account = /^\/accounts\/([^/]+)(?:\/([^/]+))?/.exec(route);
  if (!account) return;
  let accountId: string;
  try {
    accountId = decodeURIComponent(account[1]!);
  } catch {
    return; // A mangled address: the view says it leads nowhere.
  }
  if (account[2] === 'review') fetchApi(client, api, 'review/get', { accountId }).catch(ignore);
  else fetchApi(client, api, 'account/get', { accountId }).catch(ignore);
}
