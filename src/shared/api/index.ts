import type { z } from 'zod';
import type { ContractArea } from './common';
import { appContract } from './app';
import { accountsContract } from './accounts';
import { alertsContract } from './alerts';
import { importsContract } from './imports';
import { settingsContract } from './settings';
import { reviewContract } from './review';

// The one API contract: every method the renderer, the browser-mode server, the Electron IPC handler
// and the tests use, with the schema of its arguments and of its result. Each area of the app keeps
// its methods in its own module; this is their union.

export const contract = {
  ...appContract,
  ...accountsContract,
  ...alertsContract,
  ...importsContract,
  ...settingsContract,
  ...reviewContract,
} as const;

export { MappingSpecSchema } from './common';
export { PORTFOLIO_SORTS, type PortfolioSort } from './accounts';
export type { AlertItem } from './alerts';

export type Contract = typeof contract;
export type Method = keyof Contract;
export type Args<M extends Method> = z.input<Contract[M]['args']>;
export type ParsedArgs<M extends Method> = z.output<Contract[M]['args']>;
export type Result<M extends Method> = z.output<Contract[M]['result']>;

export const ERROR_CODES = ['bad_request', 'unknown_method', 'not_found', 'conflict', 'invalid_file', 'unavailable', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type ApiResponse<M extends Method = Method> = { ok: true; data: Result<M> } | { ok: false; error: ApiError };

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** Whether a method only reads the data (marked so in its area's contract). */
export function onlyReads(method: Method): boolean {
  const entry: ContractArea[string] = contract[method];
  return entry.readOnly === true;
}

/** Whether a method is answered at once while another thread writes: it reads, or writes nothing to the database here. */
export function answeredWhileWriting(method: Method): boolean {
  const entry: ContractArea[string] = contract[method];
  return entry.readOnly === true || entry.writesNoData === true;
}

/** What every transport gives the renderer: one typed call. */
export interface ApiClient {
  call<M extends Method>(method: M, args: Args<M>): Promise<ApiResponse<M>>;
}
