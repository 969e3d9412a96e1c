import { KIND_LABEL, type Kind } from '../../../shared/kinds';
import type { FieldSource } from '../../../shared/import-types';
import { formatInteger } from '../../components/format';

export const kindLabel = (kind: Kind | null): string => (kind ? KIND_LABEL[kind] : 'Not recognised');

export function encodingLabel(encoding: string | null, bom: boolean): string {
  const name: Record<string, string> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16 (little-endian)', 'utf-16be': 'UTF-16 (big-endian)', 'windows-1252': 'Windows-1252 (Latin-1)' };
  if (!encoding) return '—';
  return `${name[encoding] ?? encoding}${bom ? ' with byte-order mark' : ''}`;
}

export function delimiterLabel(delimiter: string | null): string {
  const name: Record<string, string> = { ',': 'Comma (,)', ';': 'Semicolon (;)', '\t': 'Tab', '|': 'Pipe (|)' };
  return delimiter === null ? '—' : (name[delimiter] ?? `“${delimiter}”`);
}

export function toolLabel(tool: string | null, vendor: string | null): string {
  if (vendor) return vendor;
  const name: Record<string, string> = { qualtrics: 'Qualtrics', qualtrics_legacy: 'Qualtrics (legacy export)', surveymonkey: 'SurveyMonkey' };
  return tool ? (name[tool] ?? tool) : 'A generic export';
}

export function headerRowsLabel(rows: readonly number[]): string {
  if (rows.length === 0) return '—';
  if (rows.length === 1) return `Row ${rows[0]}`;
  return `${rows.length} rows (${rows.join(', ')})`;
}

export function sourceLabel(source: FieldSource): string {
  switch (source.type) {
    case 'column':
      return `column “${source.header}”`;
    case 'constant':
      return `“${source.value}” for every row`;
    case 'generated':
      return 'made from each row’s content';
    case 'derived':
      return `worked out from ${source.from.replace(/_/g, ' ')}`;
    case 'default':
      return `${source.value} (default)`;
    case 'none':
      return 'not in the file';
  }
}

export const HOW_LABEL: Record<string, string> = {
  canonical: 'exact name',
  recognised: 'recognised',
  vendor: 'source system',
  question: 'survey question',
  mapped: 'your choice',
};

export function formatBytes(n: number): string {
  if (n < 1024) return `${formatInteger(n)} B`;
  if (n < 1024 * 1024) return `${formatInteger(Math.round(n / 1024))} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function formatSeconds(s: number): string {
  if (s < 60) return `${Math.max(1, Math.round(s))} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s % 60)} s`;
}
