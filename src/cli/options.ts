import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './output';

export type Options = ParseArgsConfig['options'];

/** Parses a command's options strictly: an unknown or malformed option is a usage error. */
export function parse(argv: string[], options: NonNullable<Options>, positionals = false): { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] } {
  try {
    const parsed = parseArgs({ args: argv, options, allowPositionals: positionals, strict: true });
    return { values: parsed.values as Record<string, string | boolean | string[] | undefined>, positionals: parsed.positionals };
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ''));
  }
}

export function requireString(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

/**
 * Reads FIELD=VALUE pairs: repeated options, or commas between pairs. A comma inside a value stays
 * ("vendor=Hoshizaki America, Inc."): a pair starts only where a field name and = follow the comma.
 */
export function pairs(raw: string | boolean | string[] | undefined, option: string): Record<string, string> {
  const list = raw === undefined || typeof raw === 'boolean' ? [] : Array.isArray(raw) ? raw : [raw];
  const out: Record<string, string> = {};
  for (const item of list) {
    for (const pair of item.split(/,(?=\s*[A-Za-z_][A-Za-z0-9_]*\s*=)/)) {
      const at = pair.indexOf('=');
      if (at <= 0) throw new UsageError(`--${option} expects FIELD=VALUE, got "${pair}"`);
      out[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
    }
  }
  return out;
}

export function isoDate(value: string | boolean | string[] | undefined, option: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new UsageError(`--${option} expects a date as YYYY-MM-DD`);
  }
  return value;
}
