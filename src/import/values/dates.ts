import { clip } from './numbers';
import { invalid, type Invalid } from './result';

export type DateOrder = 'dmy' | 'mdy';

/**
 * How the file writes dates like 03/04/2024. Decided once per file from the first value that tells
 * (a day above 12); until then the default order is assumed. If a file is read under an assumption
 * that later proves wrong, the import is restarted with the right order ({@link DateOrderRestart}).
 */
export class DateOrderState {
  decidedBy: { row: number; value: string } | null = null;
  /** An ambiguous value was read under the assumed order. */
  assumedAt: { row: number; value: string } | null = null;

  constructor(
    public order: DateOrder,
    /** Chosen by the user: never changed by the data. */
    readonly fixed: boolean,
  ) {}

  describe(): string {
    const name = this.order === 'dmy' ? 'dd/mm/yyyy' : 'mm/dd/yyyy';
    if (this.fixed) return `${name} (as set in the mapping)`;
    if (this.decidedBy) return `${name} (decided from row ${this.decidedBy.row}: "${this.decidedBy.value}")`;
    if (this.assumedAt) return `${name} (assumed: no date in the file tells day from month)`;
    return `${name} (no day/month dates in the file)`;
  }
}

export class DateOrderRestart extends Error {
  constructor(
    readonly order: DateOrder,
    readonly row: number,
    readonly value: string,
  ) {
    super(`dates are ${order === 'dmy' ? 'dd/mm/yyyy' : 'mm/dd/yyyy'} (row ${row}: "${value}")`);
    this.name = 'DateOrderRestart';
  }
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
  // German and French abbreviations met in European exports
  mär: 3, mrz: 3, mai: 5, okt: 10, dez: 12, janv: 1, févr: 2, fevr: 2, avr: 4, juin: 6, juil: 7, août: 8, aout: 8, déc: 12,
};

const TIME = String.raw`(?:[T\s,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*([AaPp])?\.?(?:[Mm]\.?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?`;
const ISO = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}$`);
const NUMERIC = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})${TIME}$`);
const DAY_MONTH_NAME = new RegExp(String.raw`^(\d{1,2})\.?[\s-]([A-Za-zéèûäÄ]{3,9})\.?[\s,-]+(\d{4}|\d{2})${TIME}$`);
const MONTH_NAME_DAY = new RegExp(String.raw`^(?:[A-Za-z]{3,9},?\s+)?([A-Za-zéèûäÄ]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})${TIME}$`);
const SERIAL = /^\d{5}(?:\.\d+)?$/;
const EPOCH = /^\d{10}(?:\d{3})?$/;

const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

interface Parts {
  y: number;
  m: number;
  d: number;
  time: TimeParts | null;
}
interface TimeParts {
  h: number;
  min: number;
  s: number;
  zoneMinutes: number | null;
}

/**
 * Reads a date or timestamp and returns it as ISO 8601: `YYYY-MM-DD`, or with `withTime`
 * `YYYY-MM-DDTHH:MM:SS` (a value with a zone is converted to UTC; one without is kept as written).
 */
export function parseDate(
  text: string,
  withTime: boolean,
  state: DateOrderState,
  row: number,
): string | Invalid {
  const fast = plainIso(text, withTime);
  if (fast !== null) return fast;
  const s = text.trim();
  const parts = readParts(s, state, row);
  if ('invalid' in parts) return parts;
  return format(parts, withTime, s);
}

/** Two digits at `i` as a number, or -1. */
function two(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * The shape most exports write, YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS, read by character codes without
 * a regular expression or a copy: most of an import's dates take this path. Anything else is null.
 */
function plainIso(s: string, withTime: boolean): string | null {
  const n = s.length;
  if ((n !== 10 && n !== 19) || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
  const hi = two(s, 0);
  const lo = two(s, 2);
  const m = two(s, 5);
  const d = two(s, 8);
  if (hi < 0 || lo < 0 || m < 1 || m > 12 || d < 1) return null;
  const y = hi * 100 + lo;
  if (y < MIN_YEAR || y > MAX_YEAR || d > daysInMonth(y, m)) return null;
  if (n === 10) return s;
  if (s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return null;
  const h = two(s, 11);
  const min = two(s, 14);
  const sec = two(s, 17);
  if (h < 0 || h > 23 || min < 0 || min > 59 || sec < 0 || sec > 59) return null;
  return withTime ? s : s.slice(0, 10);
}

function readParts(s: string, state: DateOrderState, row: number): Parts | Invalid {
  let m = ISO.exec(s);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]), m, 4, s);

  m = NUMERIC.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const year = expandYear(m[4]!);
    if (m[2] === '.') return build(year, b, a, m, 5, s); // dd.mm.yyyy is always day first
    const order = resolveOrder(a, b, s, state, row);
    if (typeof order !== 'string') return order;
    return order === 'dmy' ? build(year, b, a, m, 5, s) : build(year, a, b, m, 5, s);
  }

  m = DAY_MONTH_NAME.exec(s);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    if (!month) return invalid(`"${clip(s)}" is not a date`);
    return build(expandYear(m[3]!), month, Number(m[1]), m, 4, s);
  }

  m = MONTH_NAME_DAY.exec(s);
  if (m) {
    const month = MONTHS[m[1]!.toLowerCase()];
    if (!month) return invalid(`"${clip(s)}" is not a date`);
    return build(Number(m[3]), month, Number(m[2]), m, 4, s);
  }

  if (SERIAL.test(s)) return fromExcelSerial(Number(s), s);
  if (EPOCH.test(s)) {
    const ms = s.length === 13 ? Number(s) : Number(s) * 1000;
    return fromInstant(new Date(ms), s);
  }
  return invalid(`"${clip(s)}" is not a date`);
}

function resolveOrder(a: number, b: number, s: string, state: DateOrderState, row: number): DateOrder | Invalid {
  const evidence: DateOrder | null = a > 12 && b <= 12 ? 'dmy' : b > 12 && a <= 12 ? 'mdy' : null;
  if (evidence === null) {
    if (a > 12 && b > 12) return invalid(`"${clip(s)}" is not a date (neither ${a} nor ${b} is a month)`);
    if (!state.decidedBy && !state.fixed && !state.assumedAt) state.assumedAt = { row, value: s };
    return state.order;
  }
  if (state.fixed || state.decidedBy) {
    if (evidence !== state.order) {
      const name = state.order === 'dmy' ? 'dd/mm/yyyy' : 'mm/dd/yyyy';
      return invalid(`"${clip(s)}" is not a date in this file's order, ${name}`);
    }
    return evidence;
  }
  if (evidence !== state.order && state.assumedAt) throw new DateOrderRestart(evidence, row, s);
  state.order = evidence;
  state.decidedBy = { row, value: s };
  return evidence;
}

function expandYear(text: string): number {
  if (text.length === 4) return Number(text);
  const y = Number(text);
  return y < 70 ? 2000 + y : 1900 + y;
}

function build(y: number, mo: number, d: number, m: RegExpExecArray, at: number, s: string): Parts | Invalid {
  const time = readTime(m, at, s);
  if (time && 'invalid' in time) return time;
  const checked = checkDay(y, mo, d, s);
  if (checked) return checked;
  return { y, m: mo, d, time };
}

function readTime(m: RegExpExecArray, at: number, s: string): TimeParts | Invalid | null {
  const zone = m[at + 5];
  if (m[at] === undefined) return zone ? { h: 0, min: 0, s: 0, zoneMinutes: zoneOffset(zone) } : null;
  let h = Number(m[at]);
  const min = Number(m[at + 1]);
  const sec = m[at + 2] ? Number(m[at + 2]) : 0;
  const meridiem = m[at + 4]?.toLowerCase();
  if (meridiem) {
    if (h < 1 || h > 12) return invalid(`"${clip(s)}" has an impossible time (${h} o'clock ${meridiem}m)`);
    if (meridiem === 'p' && h < 12) h += 12;
    if (meridiem === 'a' && h === 12) h = 0;
  }
  if (h > 23 || min > 59 || sec > 59) return invalid(`"${clip(s)}" has an impossible time`);
  return { h, min, s: sec, zoneMinutes: zone ? zoneOffset(zone) : null };
}

function zoneOffset(zone: string): number {
  if (zone === 'Z' || zone === 'UTC' || zone === 'GMT') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
}

function checkDay(y: number, m: number, d: number, s: string): Invalid | null {
  if (y < MIN_YEAR || y > MAX_YEAR) return invalid(`"${clip(s)}" is out of range (year ${y})`);
  if (m < 1 || m > 12) return invalid(`"${clip(s)}" is not a date (month ${m})`);
  if (d < 1 || d > daysInMonth(y, m)) return invalid(`"${clip(s)}" does not exist (${monthName(m)} has no day ${d} in ${y})`);
  return null;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  if (m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0)) return 29;
  return MONTH_DAYS[m - 1]!;
}

function monthName(m: number): string {
  return ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][m - 1]!;
}

/** Excel's day numbers count from 1899-12-30 (its 1900 leap-year bug included). */
function fromExcelSerial(serial: number, s: string): Parts | Invalid {
  if (serial < 10_000 || serial > 110_000) return invalid(`"${clip(s)}" is not a date`);
  const ms = Math.round((serial - 25569) * 86_400_000);
  const date = new Date(ms);
  const hasTime = serial % 1 !== 0;
  return {
    y: date.getUTCFullYear(),
    m: date.getUTCMonth() + 1,
    d: date.getUTCDate(),
    time: hasTime ? { h: date.getUTCHours(), min: date.getUTCMinutes(), s: date.getUTCSeconds(), zoneMinutes: null } : null,
  };
}

function fromInstant(date: Date, s: string): Parts | Invalid {
  const y = date.getUTCFullYear();
  if (Number.isNaN(y) || y < 1970 || y > MAX_YEAR) return invalid(`"${clip(s)}" is not a date`);
  return {
    y,
    m: date.getUTCMonth() + 1,
    d: date.getUTCDate(),
    time: { h: date.getUTCHours(), min: date.getUTCMinutes(), s: date.getUTCSeconds(), zoneMinutes: 0 },
  };
}

function format(p: Parts, withTime: boolean, s: string): string | Invalid {
  if (!withTime || !p.time) return `${pad4(p.y)}-${pad2(p.m)}-${pad2(p.d)}`;
  let { y, m, d } = p;
  let { h, min } = p.time;
  if (p.time.zoneMinutes) {
    const utc = new Date(Date.UTC(y, m - 1, d, h, min, p.time.s) - p.time.zoneMinutes * 60_000);
    y = utc.getUTCFullYear();
    m = utc.getUTCMonth() + 1;
    d = utc.getUTCDate();
    h = utc.getUTCHours();
    min = utc.getUTCMinutes();
    if (y < MIN_YEAR || y > MAX_YEAR) return invalid(`"${clip(s)}" is out of range`);
  }
  return `${pad4(y)}-${pad2(m)}-${pad2(d)}T${pad2(h)}:${pad2(min)}:${pad2(p.time.s)}`;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const pad4 = (n: number): string => String(n).padStart(4, '0');
