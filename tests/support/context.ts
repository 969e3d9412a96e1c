import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openContext, type AppContext } from '../../src/services/context';
import { loadDemo } from '../../src/services/demo';
import { createHandlers } from '../../src/services/handlers';
import { createDispatcher, type Dispatch } from '../../src/services/dispatcher';
import type { ApiClient, ApiResponse, Method } from '../../src/shared/api';

/** An app context on a fresh file in the test's own folder, and the API's dispatcher over it. */
export function testApp(dir: string, now = new Date('2026-11-23T09:00:00Z')): { ctx: AppContext & { close(): void }; dispatch: Dispatch; api: ApiClient } {
  const ctx = openContext(join(dir, 'app.db'), { now: () => now });
  const dispatch = createDispatcher(createHandlers(ctx), {
    checkResults: true,
    onInternalError: (error) => {
      throw error;
    },
  });
  // The renderer's typed view of the same dispatcher.
  const api: ApiClient = { call: <M extends Method>(method: M, args: unknown) => dispatch(method, args) as Promise<ApiResponse<M>> };
  return { ctx, dispatch, api };
}

/** The demo portfolio, scored on 23 Nov 2026, in a folder of its own under the one given; its context added to those to close. */
export async function demoApp(parent: string, name: string, toClose: Array<{ close(): void }>): Promise<ReturnType<typeof testApp>> {
  const dir = join(parent, name);
  mkdirSync(dir);
  const made = testApp(dir, new Date('2026-11-23T09:00:00Z'));
  toClose.push(made.ctx);
  await loadDemo(made.ctx, '2026-11-23');
  return made;
}
