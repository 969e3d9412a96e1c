import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** A small deterministic generator (mulberry32), so every run writes the same bytes. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TECHNICIANS = ['Sam Ortiz', 'Priya Raman', 'Jonas Berg', 'Alicia Gomez', 'Wei Chen', 'Fatima Malik', 'Tom Kowalski', 'Grace Liu'];
const TYPES = ['preventive', 'break_fix', 'break_fix', 'preventive', 'inspection', 'install'];
const NOTES = ['Replaced toner and cleaned feed rollers', 'Paper jam in tray 2, replaced pickup roller', 'Fuser error E52, replaced fuser unit', 'Routine maintenance, all checks passed', 'Network card reset; customer to monitor', ''];
const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function stamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

export const SERVICE_HEADER = [
  'work_order_id', 'account_id', 'asset_id', 'site', 'type', 'opened_at', 'promised_at', 'arrived_at', 'completed_at', 'status',
  'fixed_first_time', 'parts_missing', 'technician', 'labor_hours', 'billed_amount', 'follow_up_at', 'customer_signed',
  'recommendation', 'recommendation_severity', 'reminded_recommendation_ids', 'notes',
];

/**
 * A canonical service (work orders) file of `rows` rows over `accounts` accounts, in the shape
 * field-service exports have: 21 columns, timestamps, booleans, a few quoted notes.
 */
export async function writeServiceCsv(path: string, rows: number, accounts: number, seed = 1): Promise<void> {
  const random = rng(seed);
  const out = createWriteStream(path);
  const start = Date.UTC(2024, 0, 1);
  let buffer = SERVICE_HEADER.join(',') + '\n';
  for (let i = 0; i < rows; i++) {
    const account = Math.floor(random() * accounts);
    const opened = start + Math.floor(random() * 700 * 86_400_000);
    const promised = opened + 4 * 3_600_000;
    const late = random() < 0.15;
    const arrived = promised + (late ? 2 : -1) * Math.floor(random() * 3_600_000);
    const completed = arrived + Math.floor((0.5 + random() * 3) * 3_600_000);
    const type = TYPES[Math.floor(random() * TYPES.length)]!;
    const fixed = random() < 0.85;
    const recommend = random() < 0.03;
    const note = NOTES[Math.floor(random() * NOTES.length)]!;
    const line = [
      `WO-${pad(i + 1, 8)}`,
      `C${pad(account, 5)}`,
      `SN-${pad(account, 5)}-${pad(Math.floor(random() * 10), 2)}`,
      `Site ${1 + Math.floor(random() * 3)}`,
      type,
      stamp(opened),
      type === 'break_fix' ? stamp(promised) : '',
      stamp(arrived),
      stamp(completed),
      random() < 0.95 ? 'completed' : 'incomplete',
      fixed ? '1' : '0',
      !fixed && random() < 0.5 ? '1' : '0',
      TECHNICIANS[Math.floor(random() * TECHNICIANS.length)]!,
      (0.5 + random() * 4).toFixed(2),
      type === 'break_fix' ? (80 + random() * 600).toFixed(2) : '',
      late && random() < 0.5 ? stamp(completed + 20 * 3_600_000) : '',
      random() < 0.9 ? '1' : '0',
      recommend ? '"Fuser unit showing wear, replace before it fails"' : '',
      recommend ? 'high' : '',
      '',
      note.includes(',') ? `"${note}"` : note,
    ].join(',');
    buffer += line + '\n';
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.write(buffer);
  out.end();
  await once(out, 'finish');
}
