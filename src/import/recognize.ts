import { FIELDS, KINDS, fieldOf, type Kind } from '../shared/kinds';
import type { FieldSource, MappingSpec } from '../shared/import-types';
import { GENERIC_ALIASES, NPS_QUESTION, SIGNATURE_FIELDS, compactHeader } from './aliases';
import type { Header } from './header';
import { VENDORS, type ValueTransform, type VendorObject, type VendorProfile } from './vendors';

/** Where every field of a kind comes from in one file. */
export interface ColumnPlan {
  readonly kind: Kind;
  readonly sources: ReadonlyMap<string, FieldSource>;
  readonly transforms: ReadonlyMap<string, ValueTransform>;
  readonly vendor: { readonly profile: VendorProfile; readonly object: VendorObject } | null;
  readonly ignoredColumns: readonly string[];
}

export class MappingError extends Error {
  constructor(
    message: string,
    readonly code: 'missing_column' | 'unknown_kind' | 'bad_mapping' | 'refused',
  ) {
    super(message);
    this.name = 'MappingError';
  }
}

interface Candidate {
  field: string;
  column: number;
  rank: number;
  order: number;
  how: 'canonical' | 'recognised' | 'vendor' | 'question' | 'mapped';
}

/** Finds the kind of file (unless the mapping names it) and where each of its fields comes from. */
export function planColumns(header: Header, spec: MappingSpec): ColumnPlan {
  const compact = header.names.map(compactHeader);
  const present = new Set(compact);
  const vendor = VENDORS.find((profile) => profile.detect(present, header.tool)) ?? null;
  const vendorObjectFor = (kind: Kind | null): VendorObject | null =>
    vendor?.objects.find((o) => (kind === null || o.kind === kind) && o.signature.every((h) => present.has(h))) ?? null;

  if (!spec.kind) {
    const refused = vendorObjectFor(null);
    if (refused && refused.kind === null) throw new MappingError(refused.refusal ?? `This ${vendor!.label} export cannot be imported.`, 'refused');
  }

  const mapped = resolveMappedColumns(header, spec);
  const kinds: readonly Kind[] = spec.kind ? [spec.kind] : KINDS;
  const plans = kinds.map((kind) => {
    const object = vendorObjectFor(kind);
    const plan = planKind(kind, header, compact, mapped, spec, vendor && object ? { profile: vendor, object } : null);
    return { plan, score: score(plan, object), viable: missingRequired(plan).length === 0 };
  });

  if (spec.kind) {
    for (const field of mapped.keys()) {
      if (!fieldOf(spec.kind, field)) throw new MappingError(`"${field}" is not a field of ${spec.kind} (fields: ${FIELDS[spec.kind].map((f) => f.name).join(', ')})`, 'bad_mapping');
    }
    for (const field of Object.keys(spec.constants ?? {})) {
      if (!fieldOf(spec.kind, field)) throw new MappingError(`"${field}" is not a field of ${spec.kind} (fields: ${FIELDS[spec.kind].map((f) => f.name).join(', ')})`, 'bad_mapping');
    }
  }

  const ranked = [...plans].sort((a, b) => Number(b.viable) - Number(a.viable) || b.score - a.score);
  const best = ranked[0]!;
  const runnerUp = ranked[1];
  if (!spec.kind && best.score === 0) {
    throw new MappingError(
      `none of its columns (${header.names.filter(Boolean).slice(0, 12).join(', ')}) says what kind of file it is; choose the kind (accounts, assets, service, recommendations or surveys) and map its columns`,
      'unknown_kind',
    );
  }
  if (!spec.kind && runnerUp && runnerUp.viable === best.viable && runnerUp.score === best.score) {
    throw new MappingError(
      `it could be ${best.plan.kind} or ${runnerUp.plan.kind}; choose the kind`,
      'unknown_kind',
    );
  }
  const missing = missingRequired(best.plan);
  if (missing.length > 0) {
    const field = missing[0]!;
    const looked = [field, ...(best.plan.vendor?.object.fields[field] ?? []), ...(GENERIC_ALIASES[best.plan.kind][field] ?? [])];
    throw new MappingError(
      `the required column ${field} is missing for ${best.plan.kind} (looked for headers like: ${[...new Set(looked)].slice(0, 8).join(', ')}); map a column to it or set one value for every row`,
      'missing_column',
    );
  }
  return best.plan;
}

function resolveMappedColumns(header: Header, spec: MappingSpec): Map<string, number | null> {
  const mapped = new Map<string, number | null>();
  for (const [field, wanted] of Object.entries(spec.columns ?? {})) {
    if (wanted === null || wanted === '') {
      mapped.set(field, null);
      continue;
    }
    let column = header.names.findIndex((name) => name === wanted);
    if (column < 0) column = header.names.findIndex((name) => name.toLowerCase() === wanted.toLowerCase());
    if (column < 0) column = header.names.findIndex((name) => compactHeader(name) === compactHeader(wanted));
    if (column < 0) {
      throw new MappingError(
        `the mapping reads ${field} from column "${wanted}", which the file does not have (it has: ${header.names.filter(Boolean).slice(0, 20).join(', ')})`,
        'bad_mapping',
      );
    }
    mapped.set(field, column);
  }
  return mapped;
}

function planKind(
  kind: Kind,
  header: Header,
  compact: readonly string[],
  mapped: ReadonlyMap<string, number | null>,
  spec: MappingSpec,
  vendor: ColumnPlan['vendor'],
): ColumnPlan {
  const fields = FIELDS[kind];
  const candidates: Candidate[] = [];
  const byName = new Map<string, number[]>();
  compact.forEach((name, column) => {
    if (!name) return;
    const list = byName.get(name);
    if (list) list.push(column);
    else byName.set(name, [column]);
  });

  fields.forEach((def, order) => {
    if (mapped.has(def.name)) {
      const column = mapped.get(def.name);
      if (column !== null && column !== undefined) candidates.push({ field: def.name, column, rank: -1, order, how: 'mapped' });
      return;
    }
    for (const column of byName.get(compactHeader(def.name)) ?? []) candidates.push({ field: def.name, column, rank: 0, order, how: 'canonical' });
    (vendor?.object.fields[def.name] ?? []).forEach((alias, i) => {
      for (const column of byName.get(alias) ?? []) candidates.push({ field: def.name, column, rank: 1 + i / 100, order, how: 'vendor' });
    });
    (GENERIC_ALIASES[kind][def.name] ?? []).forEach((alias, i) => {
      for (const column of byName.get(alias) ?? []) candidates.push({ field: def.name, column, rank: 3 + i / 100, order, how: 'recognised' });
    });
  });

  if (kind === 'surveys' && !mapped.has('nps')) {
    const order = fields.findIndex((d) => d.name === 'nps');
    compact.forEach((name, column) => {
      // Qualtrics pairs the NPS question with a <question>_NPS_GROUP column.
      if (name && byName.has(`${name}npsgroup`)) candidates.push({ field: 'nps', column, rank: 0.5, order, how: 'question' });
      const label = header.labels[column] ?? '';
      if (NPS_QUESTION.test(label) && !/npsgroup$/.test(name)) candidates.push({ field: 'nps', column, rank: 2, order, how: 'question' });
    });
  }

  candidates.sort((a, b) => a.rank - b.rank || a.order - b.order || a.column - b.column);
  const sources = new Map<string, FieldSource>();
  const claimed = new Set<number>();
  // A column the user mapped explicitly may also feed a field recognition finds (ACCT_ID as both the
  // account's id and its name); recognition alone gives each column to one field.
  const used = new Set<number>();
  for (const c of candidates) {
    if (sources.has(c.field) || (c.how !== 'mapped' && claimed.has(c.column))) continue;
    sources.set(c.field, { type: 'column', header: header.names[c.column]!, column: c.column, how: c.how });
    used.add(c.column);
    if (c.how !== 'mapped') claimed.add(c.column);
  }

  for (const [field, value] of Object.entries(spec.constants ?? {})) {
    if (fieldOf(kind, field)) sources.set(field, { type: 'constant', value });
  }
  for (const def of fields) {
    if (sources.has(def.name)) continue;
    if (def.generated) sources.set(def.name, { type: 'generated' });
    else if (def.name === 'vendor' && sources.has('serviced_by')) sources.set(def.name, { type: 'derived', from: 'serviced_by' });
    else if (def.defaultValue !== undefined) sources.set(def.name, { type: 'default', value: def.defaultValue });
    else sources.set(def.name, { type: 'none' });
  }

  const transforms = new Map<string, ValueTransform>();
  for (const [field, transform] of Object.entries(vendor?.object.transforms ?? {})) {
    const source = sources.get(field);
    if (source?.type === 'column' && source.how === 'vendor') transforms.set(field, transform);
  }
  const ignoredColumns = header.names.filter((name, column) => name !== '' && !used.has(column));
  return { kind, sources, transforms, vendor, ignoredColumns };
}

function missingRequired(plan: ColumnPlan): string[] {
  return FIELDS[plan.kind]
    .filter((def) => def.required && plan.sources.get(def.name)?.type === 'none')
    .map((def) => def.name);
}

function score(plan: ColumnPlan, vendorObject: VendorObject | null): number {
  let total = vendorObject ? 20 : 0;
  const signature = SIGNATURE_FIELDS[plan.kind];
  for (const [field, source] of plan.sources) {
    if (source.type !== 'column' && source.type !== 'constant') continue;
    if (field === 'account_id') continue;
    total += signature.includes(field) ? 3 : 1;
    if (source.type === 'column' && (source.how === 'canonical' || source.how === 'mapped')) total += 1;
  }
  return total;
}

/**
 * The plan recognition leans to even when it cannot import yet (a required field missing, two kinds
 * tied): what a mapping screen starts from. Null when nothing says what kind of file it is.
 */
export function draftPlan(header: Header, spec: MappingSpec): { plan: ColumnPlan; missing: string[] } | null {
  const compact = header.names.map(compactHeader);
  const present = new Set(compact);
  const vendor = VENDORS.find((profile) => profile.detect(present, header.tool)) ?? null;
  const mapped = resolveMappedColumns(header, spec);
  const kinds: readonly Kind[] = spec.kind ? [spec.kind] : KINDS;
  const ranked = kinds
    .map((kind) => {
      const object = vendor?.objects.find((o) => o.kind === kind && o.signature.every((h) => present.has(h))) ?? null;
      const plan = planKind(kind, header, compact, mapped, spec, vendor && object ? { profile: vendor, object } : null);
      return { plan, score: score(plan, object), viable: missingRequired(plan).length === 0 };
    })
    .sort((a, b) => Number(b.viable) - Number(a.viable) || b.score - a.score);
  const best = ranked[0]!;
  if (!spec.kind && best.score === 0) return null;
  return { plan: best.plan, missing: missingRequired(best.plan) };
}
