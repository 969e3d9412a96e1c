// Imported first by main.tsx, so that this runs before the rest of the window's code (React, the
// views, the charts) is evaluated: the first calls are on their way, and the server answers them,
// while the page is still starting.
import { askAheadOnNavigation, askForFirstView } from './api/first-view';
import { connect } from './api/connect';
import { createQueryClient } from './api/queries';

/** The window's API, or null where browser mode was opened without its token. */
export const api = connect();
/** The window's one cache of answers, already holding the first calls. */
export const queries = createQueryClient();

if (api) {
  askForFirstView(queries, api, window.location.hash);
  askAheadOnNavigation(queries, api);
}
