import type { Db } from '../db/connection';
import { readSetting, writeSetting } from '../db/repositories/settings';
import type { DateOrder } from '../import/values/dates';

/** Settings and their defaults; a user's choice is stored only once it differs. */
export interface Settings {
  /** Our company, as the interface and the review brief name it. */
  companyName: string;
  /** Our brand, as installed-base files name the vendor of our own machines. */
  ownVendorName: string;
  /** How to read 03/04/2024 when nothing in a file tells. */
  defaultDateOrder: DateOrder;
  /** How many backups to keep beside the database (older ones are removed). */
  keepBackups: number;
}

/** Where the brand of our own machines is kept: scoring reads it alone (unset: no machine counts as ours). */
export const OWN_VENDOR_KEY = 'company.vendor_name';

const KEYS: { [K in keyof Settings]: string } = {
  companyName: 'company.name',
  ownVendorName: OWN_VENDOR_KEY,
  defaultDateOrder: 'import.default_date_order',
  keepBackups: 'backups.keep',
};

/** Day-first everywhere but where the process's locale writes month first. */
export function localeDateOrder(): DateOrder {
  // The locale does not change while the app runs; formatting a probe date costs milliseconds each time.
  if (processDateOrder) return processDateOrder;
  const locale = Intl.DateTimeFormat().resolvedOptions().locale;
  const probe = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(Date.UTC(2000, 10, 22)));
  const first = probe.find((p) => p.type === 'day' || p.type === 'month');
  processDateOrder = first?.type === 'month' ? 'mdy' : 'dmy';
  return processDateOrder;
}

let processDateOrder: DateOrder | undefined;

export function defaultSettings(): Settings {
  return { companyName: 'Our company', ownVendorName: 'Our company', defaultDateOrder: localeDateOrder(), keepBackups: 10 };
}

export function loadSettings(db: Db): Settings {
  const defaults = defaultSettings();
  const out = { ...defaults };
  for (const key of Object.keys(KEYS) as Array<keyof Settings>) {
    const stored = readSetting(db, KEYS[key]);
    if (stored !== undefined && typeof stored === typeof defaults[key]) (out as Record<string, unknown>)[key] = stored;
  }
  return out;
}

export function saveSettings(db: Db, changes: Partial<Settings>): Settings {
  for (const [key, value] of Object.entries(changes) as Array<[keyof Settings, unknown]>) writeSetting(db, KEYS[key], value);
  return loadSettings(db);
}
