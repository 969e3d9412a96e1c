import { createContext, useContext } from 'react';
import type { ApiClient, Args, Method, Result } from '../../shared/api';

export class ApiCallError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

/** Calls a method and gives its data, or throws the API's error as an exception. */
export async function request<M extends Method>(api: ApiClient, method: M, args: Args<M>): Promise<Result<M>> {
  const response = await api.call(method, args);
  if (!response.ok) throw new ApiCallError(response.error.message, response.error.code);
  return response.data;
}

export const ApiContext = createContext<ApiClient | null>(null);

export function useApi(): ApiClient {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiContext');
  return api;
}
