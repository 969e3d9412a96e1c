import type { ApiClient } from '../../shared/api';
import { httpClient, readToken } from './http-client';

/** The API over whichever transport this window has: Electron's preload, or HTTP in browser mode. */
export function connect(): ApiClient | null {
  if (window.api) return window.api;
  const token = readToken();
  return token ? httpClient(token) : null;
}
