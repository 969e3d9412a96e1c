#!/usr/bin/env node
// Electron security scan: runs Electronegativity on the main process, the preload and the renderer's
// page, and fails on any finding not accepted, with its reason, in tests/security/electronegativity-allow.json.
// (Electronegativity itself exits 0 whatever it finds.)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, mkdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const cli = join(dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist', 'index.js');
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
const allow = JSON.parse(readFileSync(join(import.meta.dirname, 'electronegativity-allow.json'), 'utf8'));

// What is scanned, as the app ships it: electron/ (main and preload) and the renderer's page.
const work = mkdtempSync(join(tmpdir(), 'ahc-electronegativity-'));
try {
  const input = join(work, 'app');
  cpSync(join(root, 'electron'), join(input, 'electron'), { recursive: true, filter: (src) => !src.includes(`${join('electron', 'scripts')}`) });
  mkdirSync(join(input, 'renderer'), { recursive: true });
  cpSync(join(root, 'src', 'renderer', 'index.html'), join(input, 'renderer', 'index.html'));
  const csv = join(work, 'findings.csv');
  // The tool sometimes writes its CSV with one line's start overwritten (its writes race); such a
  // report is read again from a fresh run rather than trusted.
  let findings = null;
  for (let attempt = 1; attempt <= 5 && findings === null; attempt += 1) {
    rmSync(csv, { force: true });
    const run = spawnSync(process.execPath, [cli, '-i', input, '-o', csv, '-r', '-v', 'false', '-e', electronVersion], { encoding: 'utf8', env: { ...process.env, NO_UPDATE_NOTIFIER: '1' } });
    if (run.status !== 0 || !existsSync(csv)) {
      console.error(run.stdout, run.stderr);
      console.error('Electronegativity did not run.');
      process.exit(2);
    }
    const rows = parseCsv(readFileSync(csv, 'utf8'));
    if (rows.every((r) => /^[A-Z][A-Z_]+$/.test(r.issue ?? '') && typeof r.filename === 'string' && typeof r.location === 'string')) {
      findings = rows.map((r) => ({ check: r.issue, file: r.filename.replace(/\\/g, '/'), location: r.location, sample: r.sample, severity: r.severity }));
    } else console.log(`  Electronegativity wrote a garbled report (run ${attempt}); running it again.`);
  }
  if (findings === null) {
    console.error('Electronegativity wrote a garbled report five times running.');
    process.exit(2);
  }
  const accepted = (f) => allow.find((a) => a.check === f.check && (a.file === '*' || a.file === f.file));
  const refused = findings.filter((f) => !accepted(f));
  for (const a of allow) if (!a.reason || a.reason.trim().length < 20) refused.push({ check: a.check, file: a.file, location: '-', sample: 'allow-list entry without a reason', severity: '-' });
  const unused = allow.filter((a) => !findings.some((f) => f.check === a.check && (a.file === '*' || a.file === f.file)));
  console.log(`Electronegativity (Electron ${electronVersion}): ${findings.length} finding(s), ${findings.length - refused.length} accepted in tests/security/electronegativity-allow.json.`);
  for (const a of unused) console.log(`  note: allow-list entry ${a.check} ${a.file} matched nothing: remove it.`);
  if (refused.length > 0) {
    for (const f of refused) console.error(`  ${f.severity} ${f.check} ${f.file}:${f.location} ${f.sample}`);
    console.error('Fix these, or accept each in tests/security/electronegativity-allow.json with the reason it is safe.');
    process.exit(1);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** The tool's CSV: a header row, fields quoted when they hold commas or quotes. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field.trim());
      field = '';
    } else if (c === '\n') {
      row.push(field.trim());
      rows.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field.trim()]);
  const [header, ...body] = rows.filter((r) => r.length > 1);
  const keys = (header ?? []).map((h) => h.trim());
  return body.map((r) => Object.fromEntries(keys.map((k, i) => [k, r[i] ?? ''])));
}
