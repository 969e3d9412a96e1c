import { createHash } from 'node:crypto';
import { FIELDS, ID_FIELD, type FieldDef, type Kind } from '../shared/kinds';
import type { RejectedRow } from '../shared/import-types';
import type { ColumnPlan } from './recognize';
import { isEmptyValue } from './values/empty';
import { parseNumber, clip, type DecimalMark } from './values/numbers';
import { parseBoolean } from './values/booleans';
import { enumReader } from './values/enums';
import { parseDate, type DateOrderState } from './values/dates';
import { invalid, isInvalid, type Invalid } from './values/result';
import type { ValueTransform } from './vendors';

export type Value = string | number | null;

const MAX_ID = 200;
const MAX_TEXT = 100_000;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const HAS_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** Control characters or a carriage return: what makes a text need cleaning (one pass to tell). */
const NEEDS_CLEANING = /[\u0000-\u0008\u000b-\u001f\u007f]/;

/** Trims only when there is something to trim: most values have no padding, and trim() may copy. */
function trimmed(s: string): string {
  const n = s.length;
  return n > 0 && s.charCodeAt(0) > 32 && s.charCodeAt(n - 1) > 32 ? s : s.trim();
}

export interface ConvertContext {
  readonly dates: DateOrderState;
  readonly decimalMark: DecimalMark;
  /** The vendor name for our own machines, where a file says only who services them. */
  readonly ownVendor: string;
  /** Extra cells beyond the header are an error (CSV), or ignored (spreadsheets). */
  readonly strictWidth: boolean;
}

export type Converted = { ok: true; values: Value[] } | { ok: false; problems: RejectedRow[] } | { ok: 'skip' };

type Reader = (text: string, row: number) => Value | Invalid;

interface CompiledField {
  readonly def: FieldDef;
  readonly column: number;
  readonly header: string;
  readonly constant: string | null;
  readonly fallback: Value;
  readonly read: Reader;
}

/**
 * Turns one record into the canonical values of its kind, in the order of FIELDS[kind], or says
 * why it cannot. Compiled once per file; the hot loop does no lookups by name.
 */
export class RowConverter {
  readonly kind: Kind;
  private readonly fields: CompiledField[];
  private readonly idIndex: number;
  /** Survey fields that make a row a response (a score or a comment). */
  private readonly responseIndexes: number[];
  private readonly derivedVendor: number;
  private readonly servicedByIndex: number;
  private readonly width: number;

  constructor(
    plan: Pick<ColumnPlan, 'kind' | 'sources' | 'transforms'>,
    private readonly ctx: ConvertContext,
    headerWidth: number,
  ) {
    this.kind = plan.kind;
    this.width = headerWidth;
    const defs = FIELDS[plan.kind];
    this.fields = defs.map((def) => this.compile(def, plan));
    this.idIndex = defs.findIndex((d) => d.name === ID_FIELD[plan.kind]);
    this.responseIndexes =
      plan.kind === 'surveys' ? ['nps', 'csat', 'ces', 'comment'].map((name) => defs.findIndex((d) => d.name === name)) : [];
    this.derivedVendor = plan.sources.get('vendor')?.type === 'derived' ? defs.findIndex((d) => d.name === 'vendor') : -1;
    this.servicedByIndex = defs.findIndex((d) => d.name === 'serviced_by');
  }

  private compile(def: FieldDef, plan: Pick<ColumnPlan, 'kind' | 'sources' | 'transforms'>): CompiledField {
    const source = plan.sources.get(def.name) ?? { type: 'none' as const };
    const read = readerFor(def, this.ctx, plan.transforms.get(def.name));
    const fallback: Value = source.type === 'default' ? source.value : def.defaultValue ?? null;
    return {
      def,
      column: source.type === 'column' ? source.column : -1,
      header: source.type === 'column' ? source.header : def.name,
      constant: source.type === 'constant' ? source.value : null,
      fallback: def.type === 'id' && def.generated ? null : fallback,
      read,
    };
  }

  /** What a column of the file is called in messages: the header a field reads it by, else its number. */
  columnLabel(column: number): string {
    return this.fields.find((f) => f.column === column)?.header ?? `column ${column + 1}`;
  }

  /** Checks the constants once, before any row, so a bad --set fails the file at once. */
  checkConstants(): RejectedRow[] {
    const problems: RejectedRow[] = [];
    for (const f of this.fields) {
      if (f.constant === null) continue;
      const value = isEmptyValue(f.constant) ? null : f.read(f.constant, 0);
      if (isInvalid(value)) problems.push({ row: 0, column: f.def.name, value: f.constant, reason: value.invalid });
    }
    return problems;
  }

  convert(cells: readonly string[], row: number): Converted {
    let anyValue = false;
    for (const cell of cells) {
      if (cell !== '' && cell.trim() !== '') {
        anyValue = true;
        break;
      }
    }
    if (!anyValue) return { ok: 'skip' };

    let problems: RejectedRow[] | null = null;
    if (this.ctx.strictWidth && cells.length > this.width) {
      for (let i = this.width; i < cells.length; i++) {
        if (cells[i]!.trim() !== '') {
          return {
            ok: false,
            problems: [{
              row,
              column: `column ${i + 1}`,
              value: cells[i]!,
              reason: `the row has ${cells.length} values but the header has ${this.width} columns (a value with an unquoted delimiter?)`,
            }],
          };
        }
      }
    }

    const values = new Array<Value>(this.fields.length);
    for (let i = 0; i < this.fields.length; i++) {
      const f = this.fields[i]!;
      const raw = f.constant ?? (f.column >= 0 ? cells[f.column] ?? '' : '');
      let value: Value | Invalid;
      if (raw === '' || isEmptyValue(raw)) value = f.fallback;
      else value = f.read(raw, row);
      if (value !== null && isInvalid(value)) {
        (problems ??= []).push({ row, column: f.header, value: raw, reason: value.invalid });
        values[i] = null;
        continue;
      }
      if (value === null && f.def.required && !(f.def.type === 'id' && f.def.generated) && i !== this.derivedVendor) {
        (problems ??= []).push({ row, column: f.header, value: raw, reason: `${f.def.name} is required and empty` });
      }
      values[i] = value;
    }
    if (problems) return { ok: false, problems };

    if (this.derivedVendor >= 0 && values[this.derivedVendor] === null) {
      values[this.derivedVendor] = vendorFromServicer(values[this.servicedByIndex] ?? null, this.ctx.ownVendor);
    }
    if (this.responseIndexes.length > 0 && this.responseIndexes.every((i) => values[i] === null)) {
      return { ok: 'skip' }; // neither a score nor a comment: not a response
    }
    // Required ids are never empty here; the others are made from the row's content.
    if (values[this.idIndex] === null) values[this.idIndex] = contentId(this.kind, values);
    return { ok: true, values };
  }
}

const ID_PREFIX: Record<Kind, string> = { accounts: 'ACC', assets: 'AST', service: 'WO', recommendations: 'REC', surveys: 'SRV' };

/** An id made from the row's values, so the same row imported again lands on the same record. */
export function contentId(kind: Kind, values: readonly Value[]): string {
  const hash = createHash('sha1');
  for (const value of values) hash.update(value === null ? '\u0000' : `${typeof value}:${value}\u001f`);
  return `${ID_PREFIX[kind]}-${hash.digest('hex').slice(0, 16)}`;
}

function vendorFromServicer(servicedBy: Value, ownVendor: string): string {
  switch (servicedBy) {
    case 'us':
      return ownVendor;
    case 'competitor':
      return 'Competitor (not named)';
    case 'third_party':
      return 'Third party (not named)';
    case 'self':
      return 'Customer (self-maintained)';
    default:
      return 'Unknown vendor';
  }
}

function readerFor(def: FieldDef, ctx: ConvertContext, transform: ValueTransform | undefined): Reader {
  switch (def.type) {
    case 'id':
      return (text) => {
        const s = trimmed(text);
        if (s.length > MAX_ID) return invalid(`an id longer than ${MAX_ID} characters`);
        if (HAS_CONTROL.test(s)) return invalid('an id with control characters');
        return s;
      };
    case 'text':
      return (text) => {
        const s = trimmed(NEEDS_CLEANING.test(text) ? text.replace(/\r\n?/g, '\n').replace(CONTROL, '') : text);
        if (s.length > MAX_TEXT) return invalid(`longer than ${MAX_TEXT.toLocaleString('en')} characters`);
        return s === '' ? null : s;
      };
    case 'enum': {
      const read = enumReader(def.name, def.values ?? [], def.name === 'status' && def.values?.includes('accepted'));
      if (transform === 'competitor_flag') {
        return (text) => {
          const flag = parseBoolean(text);
          if (isInvalid(flag)) return flag;
          return flag ? 'competitor' : 'us';
        };
      }
      return (text) => read(text);
    }
    case 'date':
    case 'datetime': {
      const withTime = def.type === 'datetime';
      return (text, row) => parseDate(text, withTime, ctx.dates, row);
    }
    case 'number':
    case 'integer':
      return (text) => {
        const n = parseNumber(text, ctx.decimalMark);
        if (isInvalid(n)) return n;
        if (def.type === 'integer' && !Number.isInteger(n)) return invalid(`"${clip(text)}" is not a whole number`);
        if (def.min !== undefined && n < def.min) return invalid(`${n} is below ${def.min}, the lowest ${def.label.toLowerCase()}`);
        if (def.max !== undefined && n > def.max) return invalid(`${n} is above ${def.max}, the highest ${def.label.toLowerCase()}`);
        return n;
      };
    case 'boolean':
      return (text) => {
        const b = parseBoolean(text);
        return isInvalid(b) ? b : b ? 1 : 0;
      };
    case 'idlist':
      return (text) => {
        const ids = [...new Set(text.split(/[;,|]/).map((s) => s.trim()).filter((s) => s !== '' && !isEmptyValue(s)))];
        if (ids.some((id) => id.length > MAX_ID)) return invalid(`an id longer than ${MAX_ID} characters`);
        return ids.length ? ids.join(';') : null;
      };
  }
}
