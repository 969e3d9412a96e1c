import { isKind, KINDS } from '../../shared/kinds';
import type { ImportReport, MappingSpec } from '../../shared/import-types';
import { openContext } from '../../services/context';
import { importFiles, type FileOutcome } from '../../services/import-files';
import { EXIT, number, UsageError, type Output } from '../output';
import { pairs, parse, requireString } from '../options';

export async function importCommand(argv: string[], io: Output): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      db: { type: 'string' },
      kind: { type: 'string' },
      map: { type: 'string', multiple: true },
      set: { type: 'string', multiple: true },
      profile: { type: 'string' },
      sheet: { type: 'string' },
      'date-order': { type: 'string' },
      'skip-invalid': { type: 'boolean' },
      json: { type: 'boolean' },
    },
    true,
  );
  const dbPath = requireString(values, 'db');
  if (positionals.length === 0) throw new UsageError('give at least one FILE to import');
  const kind = values['kind'];
  if (kind !== undefined && (typeof kind !== 'string' || !isKind(kind))) throw new UsageError(`--kind must be one of ${KINDS.join(', ')}`);
  const dateOrder = values['date-order'];
  if (dateOrder !== undefined && dateOrder !== 'dmy' && dateOrder !== 'mdy') throw new UsageError('--date-order must be dmy or mdy');
  const columns: Record<string, string | null> = {};
  for (const [field, header] of Object.entries(pairs(values['map'], 'map'))) columns[field] = header === '' ? null : header;
  const mapping: MappingSpec = {
    ...(kind ? { kind } : {}),
    ...(Object.keys(columns).length ? { columns } : {}),
    ...(values['set'] ? { constants: pairs(values['set'], 'set') } : {}),
    ...(typeof values['sheet'] === 'string' ? { sheet: values['sheet'] } : {}),
    ...(dateOrder ? { dateOrder } : {}),
  };

  const ctx = openContext(dbPath, { singleConnection: true });
  let outcomes: FileOutcome[];
  let rescored: number | null;
  try {
    const result = await importFiles(ctx, {
      paths: positionals,
      mapping,
      ...(typeof values['profile'] === 'string' ? { profile: values['profile'] } : {}),
      skipInvalid: values['skip-invalid'] === true,
    });
    outcomes = result.files;
    rescored = result.recompute?.accounts ?? null;
  } finally {
    ctx.close();
  }

  const json = values['json'] === true;
  if (json) io.out(JSON.stringify(outcomes.map(toJson), null, 2));
  for (const outcome of outcomes) {
    if ('report' in outcome) {
      if (!json) io.out(describeReport(outcome.report));
      if (outcome.report.rejectedCount > 0) io.err(describeRejected(outcome.report));
    } else {
      io.err(`error: ${outcome.error.message}`);
      const rejected = outcome.error.rejected ?? [];
      if (rejected.length > 1) {
        for (const r of rejected.slice(0, 20)) io.err(`  row ${r.row}, column "${r.column}": ${r.reason}`);
        const more = (outcome.error.rejectedCount ?? rejected.length) - Math.min(20, rejected.length);
        if (more > 0) io.err(`  … and ${number(more)} more`);
      }
    }
  }
  if (!json && rescored !== null) io.out(`Rescored ${number(rescored)} ${rescored === 1 ? 'account' : 'accounts'} and re-evaluated their alerts.`);
  return outcomes.some((o) => 'error' in o) ? EXIT.badInput : EXIT.ok;
}

function toJson(outcome: FileOutcome): Record<string, unknown> {
  if ('error' in outcome) {
    const { row, column, value } = outcome.error.place;
    return {
      file: outcome.file,
      kind: null,
      import_id: null,
      rows: 0,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      rejected: (outcome.error.rejected ?? []).map(({ row: r, column: c, value: v, reason }) => ({ row: r, column: c, value: v, reason })),
      error: { message: outcome.error.message, code: outcome.error.code, row: row ?? null, column: column ?? null, value: value ?? null },
    };
  }
  const r = outcome.report;
  return {
    file: r.file,
    kind: r.kind,
    import_id: r.importId,
    rows: r.rows,
    inserted: r.inserted,
    updated: r.updated,
    unchanged: r.unchanged,
    rejected: r.rejected.map(({ row, column, value, reason }) => ({ row, column, value, reason })),
    rejected_count: r.rejectedCount,
    duplicates: r.duplicateCount,
    skipped: r.skipped,
    placeholders_created: r.placeholdersCreated,
    detection: r.detection,
    columns: Object.fromEntries(r.fields.filter((f) => f.source.type !== 'none').map((f) => [f.field, f.source])),
    ignored_columns: r.ignoredColumns,
    warnings: r.warnings,
    elapsed_ms: r.elapsedMs,
  };
}

function describeReport(r: ImportReport): string {
  const d = r.detection;
  const lines = [
    `${r.file} → ${r.kind} (import #${r.importId})`,
    `  ${number(r.rows)} rows: ${number(r.inserted)} new, ${number(r.updated)} changed, ${number(r.unchanged)} unchanged` +
      `${r.duplicateCount ? `; ${number(r.duplicateCount)} repeated rows imported once` : ''}${r.rejectedCount ? `; ${number(r.rejectedCount)} rejected` : ''}` +
      ` (${number(Math.round((r.rows / Math.max(r.elapsedMs, 1)) * 1000))} rows/s)`,
    `  read as: ${d.format === 'xlsx' ? `sheet "${d.sheet}"` : `${d.encoding}, ${delimiterName(d.delimiter)}`}, header on row ${d.headerRows.join('–')}` +
      `${d.vendor ? `, ${d.vendor} export` : ''}; dates ${d.dateOrder}`,
    `  columns: ${r.fields
      .filter((f) => f.source.type === 'column' || f.source.type === 'constant' || f.source.type === 'derived')
      .map((f) => `${f.field} ← ${f.source.type === 'column' ? `"${f.source.header}"` : f.source.type === 'constant' ? `= ${f.source.value}` : 'derived'}`)
      .join(', ')}`,
  ];
  if (r.ignoredColumns.length) lines.push(`  ignored columns: ${r.ignoredColumns.slice(0, 15).join(', ')}${r.ignoredColumns.length > 15 ? ', …' : ''}`);
  for (const w of r.warnings) lines.push(`  note: ${w}`);
  return lines.join('\n');
}

function describeRejected(r: ImportReport): string {
  const lines = [`${r.file}: ${number(r.rejectedCount)} rows rejected (the others were imported):`];
  for (const x of r.rejected.slice(0, 50)) lines.push(`  row ${x.row}, column "${x.column}": ${x.reason}`);
  if (r.rejectedCount > 50) lines.push(`  … and ${number(r.rejectedCount - 50)} more`);
  return lines.join('\n');
}

function delimiterName(d: string | null): string {
  switch (d) {
    case ',':
      return 'comma-separated';
    case ';':
      return 'semicolon-separated';
    case '\t':
      return 'tab-separated';
    case '|':
      return 'pipe-separated';
    default:
      return `separated by "${d}"`;
  }
}
