import { describe, expect, it } from 'vitest';
import type {} from '../../../src/renderer/env'; // the window's `api`, which the client reads
import type { ApiClient } from '../../../src/shared/api';
import { cachedApi, createQueryClient } from '../../../src/renderer/api/queries';
import { askAheadOnNavigation, askForFirstView } from '../../../src/renderer/api/first-view';

/** An API that records what it was asked; it answers `app/info` with `info` and every other call with an empty object. */
function recordingApi(info: { empty: boolean }) {
  const asked: Array<[string, unknown]> = [];
  const api = {
    call: (method: string, args: unknown) => {
      asked.push([method, args]);
      return Promise.resolve({ ok: true, data: method === 'app/info' ? info : {} });
    },
  } as unknown as ApiClient;
  return { api, asked };
}

const navigation = (hash: string): Event => Object.assign(new Event('hashchange'), { newURL: `http://127.0.0.1:4000/?token=t${hash}` });
const settle = () => new Promise((done) => setTimeout(done, 0));

describe('asking for a view before it shows', () => {
  it('asks for the account, its review brief or the portfolio as soon as the address changes to them', async () => {
    const { api, asked } = recordingApi({ empty: false });
    const client = createQueryClient();
    const window = new EventTarget();
    askForFirstView(client, api, '#/accounts/A%2F1');
    await settle();
    expect(asked.map(([m]) => m)).toEqual(['app/health', 'app/info', 'alerts/counts', 'account/get']);
    expect(asked.at(-1)).toEqual(['account/get', { accountId: 'A/1' }]);

    askAheadOnNavigation(client, api, window);
    asked.length = 0;
    window.dispatchEvent(navigation('#/accounts/B2/service/WO-9'));
    window.dispatchEvent(navigation('#/accounts/B2/review'));
    window.dispatchEvent(navigation('#/'));
    window.dispatchEvent(navigation('#/alerts'));
    window.dispatchEvent(navigation('#/accounts/%E0%A4%A'));
    await settle();
    expect(asked).toEqual([
      ['account/get', { accountId: 'B2' }],
      ['review/get', { accountId: 'B2' }],
      ['accounts/list', {}],
    ]);

    // An answer already in (and fresh) is not asked for again: the view finds it cached.
    asked.length = 0;
    window.dispatchEvent(navigation('#/accounts/B2'));
    window.dispatchEvent(navigation('#/accounts/A%2F1/checklist'));
    await settle();
    expect(asked).toEqual([]);
  });

  it('on an empty file (the first run shows), keeps nothing a view would show and asks nothing more as the address changes', async () => {
    const asked: string[] = [];
    let answerList = (): void => undefined;
    const api = {
      call: (method: string) => {
        asked.push(method);
        if (method === 'app/info') return Promise.resolve({ ok: true, data: { empty: true } });
        // The portfolio answers after the app's facts, as ten thousand rows would.
        if (method === 'accounts/list') return new Promise((done) => (answerList = () => done({ ok: true, data: { total: 0, accounts: [] } })));
        return Promise.resolve({ ok: true, data: {} });
      },
    } as unknown as ApiClient;
    const client = createQueryClient();
    const window = new EventTarget();
    askForFirstView(client, api, '#/');
    askAheadOnNavigation(client, api, window);
    await settle();
    expect(asked).toEqual(['app/health', 'app/info', 'alerts/counts', 'accounts/list']);
    answerList();
    await settle();
    // Kept, the empty portfolio would show once the demo or an import is in, instead of the view asking.
    expect(cachedApi(client, 'accounts/list', {})).toBeUndefined();
    expect(cachedApi(client, 'app/info', {})).toEqual({ empty: true });

    asked.length = 0;
    window.dispatchEvent(navigation('#/accounts/A1'));
    window.dispatchEvent(navigation('#/'));
    await settle();
    expect(asked).toEqual([]);
  });
});
