import type { ApiClient } from '../shared/api';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    readonly api?: ApiClient;
  }
}

export {};
