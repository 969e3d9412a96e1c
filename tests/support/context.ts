import { join } from 'node:path';
import { openContext, type AppContext } from '../../src/services/context';
import { createHandlers } from '../../src/services/handlers';
import { createDispatcher, type Dispatch } from '../../src/services/dispatcher';

/** An app context on a fresh file in the test's own folder, and the API's dispatcher over it. */
export function testApp(dir: string, now = new Date('2026-11-23T09:00:00Z')): { ctx: AppContext & { close(): void }; dispatch: Dispatch } {
  const ctx = openContext(join(dir, 'app.db'), { now: () => now });
  const dispatch = createDispatcher(createHandlers(ctx), {
    checkResults: true,
    onInternalError: (error) => {
      throw error;
    },
  });
  return { ctx, dispatch };
}
