import type { ZodError } from 'zod';
import { contract, isMethod, type ApiError, type ApiResponse, type Method, type ParsedArgs, type Result } from '../shared/api';
import { ImportFileError } from '../import/errors';
import { UndoError } from '../import/undo';
import { ProfileError } from './import-files';

export type Handlers = { [M in Method]: (args: ParsedArgs<M>) => Result<M> | Promise<Result<M>> };

/** The handlers of one area of the contract (each area's module provides its own). */
export type HandlersOf<Area> = { [M in keyof Area & Method]: Handlers[M] };

/** One entry point for every transport: validates, calls, and never throws. */
export type Dispatch = (method: unknown, args: unknown) => Promise<ApiResponse>;

export interface DispatcherOptions {
  /** Check results against the contract too (tests). */
  readonly checkResults?: boolean;
  readonly onInternalError?: (error: unknown, method: string) => void;
}

export function createDispatcher(handlers: Handlers, options: DispatcherOptions = {}): Dispatch {
  return async (method, args) => {
    if (!isMethod(method)) {
      return { ok: false, error: { code: 'unknown_method', message: `There is no API method ${JSON.stringify(method)}.` } };
    }
    const parsed = contract[method].args.safeParse(args ?? {});
    if (!parsed.success) return { ok: false, error: badRequest(method, parsed.error) };
    try {
      const handler = handlers[method] as (a: unknown) => unknown;
      const data = await handler(parsed.data);
      if (options.checkResults) contract[method].result.parse(data);
      return { ok: true, data } as ApiResponse;
    } catch (error) {
      const known = describeError(error);
      if (known) return { ok: false, error: known };
      options.onInternalError?.(error, method);
      return { ok: false, error: { code: 'internal', message: `Something went wrong in ${method}: ${(error as Error)?.message ?? String(error)}` } };
    }
  };
}

function badRequest(method: string, error: ZodError): ApiError {
  const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const first = issues[0];
  return {
    code: 'bad_request',
    message: `Invalid arguments for ${method}${first ? `: ${first.path ? `${first.path}: ` : ''}${first.message}` : ''}`,
    details: issues,
  };
}

function describeError(error: unknown): ApiError | null {
  if (error instanceof ImportFileError) {
    return { code: 'invalid_file', message: error.message, details: { place: error.place, code: error.code, rejected: error.rejected ?? [] } };
  }
  if (error instanceof UndoError) {
    return { code: error.code === 'not_found' ? 'not_found' : 'conflict', message: error.message, details: { laterImports: error.laterImports } };
  }
  if (error instanceof ProfileError) return { code: 'not_found', message: error.message };
  if (error instanceof NotFoundError) return { code: 'not_found', message: error.message };
  if (error instanceof Error && ['ActionError', 'AlertActionError', 'TemplateError', 'SettingsError'].includes(error.name)) {
    return { code: 'conflict', message: error.message };
  }
  return null;
}

export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}
