// Backups and template versions are moments on this computer's clock: shown in its time zone.

const moment = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatMoment(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : moment.format(date);
}

const size = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${size.format(bytes)} bytes`;
  if (bytes < 1024 ** 2) return `${size.format(bytes / 1024)} KB`;
  if (bytes < 1024 ** 3) return `${size.format(bytes / 1024 ** 2)} MB`;
  return `${size.format(bytes / 1024 ** 3)} GB`;
}
