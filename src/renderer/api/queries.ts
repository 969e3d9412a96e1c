import { QueryClient, useMutation, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import type { ApiClient, Args, Method, Result } from '../../shared/api';
import { request, useApi } from './client';

/** One cache for the window: a view left and come back to shows at once, then refreshes. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

/** A method's result, cached under its name and arguments. */
export function useApiQuery<M extends Method>(method: M, args: Args<M>, options: { enabled?: boolean } = {}): UseQueryResult<Result<M>, Error> {
  const api = useApi();
  return useQuery({
    queryKey: keyOf(method, args),
    queryFn: () => request(api, method, args),
    enabled: options.enabled ?? true,
  });
}

/** Asks for a method's result ahead of the view that shows it, which then finds it cached or on its way. */
export function fetchApi<M extends Method>(client: QueryClient, api: ApiClient, method: M, args: Args<M>): Promise<Result<M>> {
  return client.fetchQuery({ queryKey: keyOf(method, args), queryFn: () => request(api, method, args) });
}

/** A method's result if the cache holds it, without asking. */
export function cachedApi<M extends Method>(client: QueryClient, method: M, args: Args<M>): Result<M> | undefined {
  return client.getQueryData<Result<M>>(keyOf(method, args));
}

/** Drops the cached answers of these methods, whatever their arguments; an answer still on its way is not kept either. */
export function forgetApi(client: QueryClient, methods: readonly Method[]): void {
  client.removeQueries({ predicate: (query) => methods.includes(query.queryKey[0] as Method) });
}

function keyOf<M extends Method>(method: M, args: Args<M>): readonly [M, Args<M>] {
  return [method, args];
}

/**
 * A method that changes data. Anything it changes may show anywhere (a reminder calms an alert,
 * moves a score, ticks a checklist item), so every cached answer is asked again after it.
 */
export function useApiMutation<M extends Method>(method: M) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation<Result<M>, Error, Args<M>>({
    mutationFn: (args) => request(api, method, args),
    onSuccess: () => client.invalidateQueries(),
  });
}
