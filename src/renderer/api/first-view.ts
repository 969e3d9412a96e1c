import type { QueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../shared/api';
import { paths } from '../app/paths';
import { cachedApi, fetchApi, forgetApi } from './queries';

const ignore = (): undefined => undefined;

/** The methods whose answers are a view's main data (the portfolio, an account, its review brief). */
const VIEW_METHODS = ['accounts/list', 'account/get', 'review/get'] as const;

/**
 * What the window opening asks for, all at once: the data file's check, what the app holds, the
 * alerts' count and the view's main answer (the portfolio's ten thousand rows). Each part of the
 * window would otherwise ask only once the part around it shows, one round trip after another.
 * Nothing is shown before the check has passed, since the views still wait for it. An empty file
 * opens on the first run: the view's answer, empty, is then dropped, so that the view asks again
 * once data is in rather than showing it empty.
 */
export function askForFirstView(client: QueryClient, api: ApiClient, hash: string): void {
  fetchApi(client, api, 'app/health', {}).catch(ignore);
  fetchApi(client, api, 'app/info', {}).then((info) => {
    if (info.empty) forgetApi(client, VIEW_METHODS);
  }, ignore);
  fetchApi(client, api, 'alerts/counts', {}).catch(ignore);
  askForView(client, api, hash);
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
