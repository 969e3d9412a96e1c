import { invalid, type Invalid } from './result';

export type DecimalMark = '.' | ',';

const PLAIN = /^[+-]?\d+(?:\.\d+)?$/;
const SPACES = /[\s\u00a0\u202f\u2009']/g;
const CURRENCY = /^(?:[$€£¥₹]|usd|eur|gbp|chf|cad|aud|mxn|sek|nok|dkk)\s*|\s*(?:[$€£¥₹]|usd|eur|gbp|chf|cad|aud|mxn|sek|nok|dkk)$/i;
const GROUPED_COMMA = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const GROUPED_DOT = /^[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d*,\d+$/;
const SCIENTIFIC = /^[+-]?(?:\d+\.?\d*|\.\d+)[eE][+-]?\d+$/;
const LEADING_DOT = /^[+-]?\.\d+$/;
const MAX_MAGNITUDE = 1e15;

/**
 * Reads a number as people and tools write it: 1234.5, 1,234.5, 1.234,5, 1 234,5, 1'234.5, (12) for
 * −12, currency signs and a trailing %. A lone comma with three digits after it (1,234) is a
 * thousands separator unless the file writes decimals with a comma.
 */
export function parseNumber(text: string, decimalMark: DecimalMark = '.'): number | Invalid {
  let s = text.trim();
  // Where decimals are written with a comma, 1.234 is a thousand and more.
  if (decimalMark === ',' && /^[+-]?\d{1,3}\.\d{3}$/.test(s)) return Number(s.replace('.', ''));
  if (PLAIN.test(s)) return checkFinite(Number(s), text);
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1);
  }
  s = s.replace(CURRENCY, '').replace(/%$/, '').replace(SPACES, '');
  if (s.startsWith('−')) s = '-' + s.slice(1);
  let value: number;
  if (PLAIN.test(s) || SCIENTIFIC.test(s) || LEADING_DOT.test(s)) value = Number(s);
  else if (GROUPED_COMMA.test(s) && !(decimalMark === ',' && /^[+-]?\d{1,3},\d{3}$/.test(s))) value = Number(s.replace(/,/g, ''));
  else if (GROUPED_DOT.test(s) && (s.includes(',') || (s.match(/\./g)?.length ?? 0) > 1 || decimalMark === ',')) {
    value = Number(s.replace(/\./g, '').replace(',', '.'));
  } else if (DECIMAL_COMMA.test(s)) value = Number(s.replace(',', '.'));
  else return invalid(`"${clip(text)}" is not a number`);
  return checkFinite(negative ? -value : value, text);
}

function checkFinite(value: number, text: string): number | Invalid {
  if (!Number.isFinite(value) || Math.abs(value) > MAX_MAGNITUDE) return invalid(`"${clip(text)}" is out of range`);
  return value;
}

export function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
