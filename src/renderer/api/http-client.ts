import type { ApiClient, ApiResponse, Args, Method } from '../../shared/api';
import { unpackRecords } from '../../shared/packed-records';

const TOKEN_KEY = 'ahc.token';
const TOKEN_HEADER = 'x-ahc-token';

/**
 * Browser mode: the token arrives once in the address (?token=…); it is kept for this tab only and
 * taken out of the address bar so it is not bookmarked or shared by accident.
 */
export function readToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

export function httpClient(token: string): ApiClient {
  return {
    async call<M extends Method>(method: M, args: Args<M>): Promise<ApiResponse<M>> {
      let response: Response;
      try {
        response = await fetch('/api/call', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
          body: JSON.stringify({ method, args }),
        });
      } catch (error) {
        return { ok: false, error: { code: 'unavailable', message: `The app's server does not answer: ${(error as Error).message}` } };
      }
      if (response.status === 401) return { ok: false, error: { code: 'unavailable', message: 'This page needs the address printed by the serve command (its token has changed).' } };
      return unpackRecords(await response.json()) as ApiResponse<M>;
    },
  };
}
