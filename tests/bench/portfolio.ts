import { createWriteStream, existsSync, mkdirSync, renameSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { rng } from './synthetic';

// A deterministic synthetic portfolio at scale, written as the CSV exports a user would import:
// accounts, a multi-vendor installed base, work orders with recommendations and reminders, and
// survey responses. Written once per scale and kept in .bench/ between runs.

export interface Scale {
  readonly name: string;
  readonly accounts: number;
  readonly assets: number;
  readonly workOrders: number;
  readonly surveys: number;
}

export const FULL: Scale = { name: 'full', accounts: 10_000, assets: 100_000, workOrders: 1_000_000, surveys: 200_000 };
export const QUICK: Scale = { name: 'quick', accounts: 1_000, assets: 10_000, workOrders: 100_000, surveys: 20_000 };

const SEGMENTS = ['Healthcare', 'Education', 'Manufacturing', 'Logistics & Retail', 'Financial Services', 'Public Sector', 'Legal & Professional'];
const REGIONS = ['North', 'South', 'East', 'West', 'Central'];
const OWNERS = ['Dana Whitfield', 'Ravi Menon', 'Hannah Becker', 'Tomás Aguilar', 'Grace Liu', 'Marcus Oyelaran', 'Priya Raman', 'Owen Fitzgerald', 'Claire Dubois', 'Jamal Carter', 'Elena Sokolova', 'Sam Ortiz'];
const VENDORS = ['Northwind', 'Northwind', 'Northwind', 'Ricona', 'Kyomatic', 'Xerant', 'Sharpline', 'Lexford'];
const CATEGORIES = ['multifunction printer', 'production printer', 'desktop printer', 'scanner', 'wide-format printer'];
const CONTRACTS = ['full_service', 'full_service', 'warranty', 'time_and_materials', 'none'];
const TECHNICIANS = ['Sam Ortiz', 'Priya Raman', 'Jonas Berg', 'Alicia Gomez', 'Wei Chen', 'Fatima Malik', 'Tom Kowalski', 'Grace Liu'];
const NOTES = ['Replaced toner and cleaned feed rollers', 'Paper jam in tray 2, replaced pickup roller', 'Fuser error E52, replaced fuser unit', 'Routine maintenance, all checks passed', 'Network card reset; customer to monitor', ''];
const RECOMMENDATIONS = ['Fuser unit showing wear, replace before it fails', 'Drum near end of life: replace at the next visit', 'Upgrade the firmware', 'Move the printer away from the heater'];
const COMMENTS = ['Quick and friendly engineer', 'Took two visits to fix', 'Printer down again this week', 'Great service as always', ''];

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const account = (i: number): string => `C${pad(i, 6)}`;
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 19);
const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const quote = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

const END = Date.UTC(2026, 10, 20);
const START = END - 730 * 86_400_000;

async function writeRows(path: string, header: string[], count: number, row: (i: number) => string[]): Promise<void> {
  const partial = `${path}.partial`;
  const out = createWriteStream(partial);
  let buffer = `${header.join(',')}\n`;
  for (let i = 0; i < count; i++) {
    buffer += `${row(i).map(quote).join(',')}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  renameSync(partial, path);
}

export async function writeAccounts(path: string, scale: Scale): Promise<void> {
  const r = rng(11);
  await writeRows(path, ['account_id', 'name', 'segment', 'region', 'owner', 'contract_type', 'contract_renewal_date', 'annual_value'], scale.accounts, (i) => [
    account(i),
    `Account ${pad(i, 6)} ${['Holdings', 'Logistics', 'Clinic', 'Academy', 'Industries', 'Partners'][i % 6]}`,
    SEGMENTS[Math.floor(r() * SEGMENTS.length)]!,
    REGIONS[Math.floor(r() * REGIONS.length)]!,
    OWNERS[Math.floor(r() * OWNERS.length)]!,
    CONTRACTS[Math.floor(r() * CONTRACTS.length)]!,
    day(END + Math.floor(r() * 400 - 30) * 86_400_000),
    String(Math.round(5_000 + r() * 250_000)),
  ]);
}

export async function writeAssets(path: string, scale: Scale): Promise<void> {
  const r = rng(12);
  await writeRows(
    path,
    ['account_id', 'asset_id', 'site', 'location', 'vendor', 'model', 'category', 'quantity', 'serviced_by', 'coverage', 'warranty_end', 'install_date', 'rated_monthly_volume', 'actual_monthly_volume', 'as_of'],
    scale.assets,
    (i) => {
      const a = i % scale.accounts;
      const vendor = VENDORS[Math.floor(r() * VENDORS.length)]!;
      const ours = vendor === 'Northwind' ? r() < 0.9 : r() < 0.1;
      const rated = [15_000, 250_000, 3_000, 20_000, 5_000][Math.floor(r() * 5)]!;
      const installed = END - Math.floor(r() * 2500) * 86_400_000;
      return [
        account(a),
        `SN-${pad(i, 7)}`,
        `Site ${1 + Math.floor(r() * 4)}`,
        `Floor ${1 + Math.floor(r() * 5)}`,
        vendor,
        `${vendor.slice(0, 2).toUpperCase()}-${100 + Math.floor(r() * 900)}`,
        CATEGORIES[Math.floor(r() * CATEGORIES.length)]!,
        String(r() < 0.9 ? 1 : 2 + Math.floor(r() * 5)),
        ours ? 'us' : ['competitor', 'third_party', 'self'][Math.floor(r() * 3)]!,
        ['contract', 'contract', 'warranty', 'time_and_materials', 'none'][Math.floor(r() * 5)]!,
        day(installed + 365 * 86_400_000),
        day(installed),
        String(rated),
        String(Math.round(rated * (r() < 0.02 ? 1.2 + r() * 0.4 : 0.2 + r() * 0.7))),
        day(END - Math.floor(r() * 60) * 86_400_000),
      ];
    },
  );
}

/** Work orders over two years, oldest first; 3 % carry a recommendation, later visits sometimes remind of it. */
export async function writeWorkOrders(path: string, scale: Scale, count = scale.workOrders, seed = 13, firstId = 0): Promise<void> {
  const r = rng(seed);
  const span = END - START;
  const lastRecommendation = new Array<string | null>(scale.accounts).fill(null);
  await writeRows(
    path,
    ['work_order_id', 'account_id', 'asset_id', 'site', 'type', 'opened_at', 'promised_at', 'arrived_at', 'completed_at', 'status', 'fixed_first_time', 'parts_missing', 'technician', 'labor_hours', 'billed_amount', 'follow_up_at', 'customer_signed', 'recommendation', 'recommendation_severity', 'reminded_recommendation_ids', 'notes'],
    count,
    (i) => {
      const a = Math.floor(r() * scale.accounts);
      const opened = START + Math.floor((i / count) * span) + Math.floor(r() * 3_600_000);
      const breakFix = r() < 0.4;
      const promised = opened + 4 * 3_600_000;
      const late = r() < 0.08;
      const arrived = late ? promised + Math.floor(r() * 3 * 3_600_000) : promised - Math.floor(r() * 3_600_000);
      const completed = arrived + Math.floor((0.5 + r() * 3) * 3_600_000);
      const fixed = r() < 0.88;
      const id = `WO-${pad(firstId + i + 1, 8)}`;
      const recommend = r() < 0.03;
      const remind = lastRecommendation[a] !== null && r() < 0.5;
      const reminded = remind ? lastRecommendation[a]! : '';
      if (recommend) lastRecommendation[a] = id;
      return [
        id,
        account(a),
        `SN-${pad(a + scale.accounts * Math.floor(r() * (scale.assets / scale.accounts)), 7)}`,
        `Site ${1 + Math.floor(r() * 4)}`,
        breakFix ? 'break_fix' : 'preventive',
        iso(opened),
        breakFix ? iso(promised) : '',
        iso(arrived),
        iso(completed),
        r() < 0.96 ? 'completed' : 'incomplete',
        fixed ? '1' : '0',
        !fixed && r() < 0.5 ? '1' : '0',
        TECHNICIANS[Math.floor(r() * TECHNICIANS.length)]!,
        (0.5 + r() * 4).toFixed(2),
        breakFix && r() < 0.3 ? (80 + r() * 600).toFixed(2) : '',
        late && r() < 0.6 ? iso(completed + 20 * 3_600_000) : '',
        r() < 0.95 ? '1' : '0',
        recommend ? RECOMMENDATIONS[Math.floor(r() * RECOMMENDATIONS.length)]! : '',
        recommend ? ['medium', 'high', 'low'][Math.floor(r() * 3)]! : '',
        reminded,
        NOTES[Math.floor(r() * NOTES.length)]!,
      ];
    },
  );
}

export async function writeSurveys(path: string, scale: Scale): Promise<void> {
  const r = rng(14);
  const span = END - START;
  await writeRows(path, ['response_id', 'account_id', 'responded_at', 'nps', 'csat', 'contact', 'comment', 'follow_up_at'], scale.surveys, (i) => {
    const responded = START + Math.floor((i / scale.surveys) * span);
    const nps = Math.min(10, Math.max(0, Math.round(8 + (r() - 0.6) * 8)));
    return [
      `R-${pad(i + 1, 8)}`,
      account(Math.floor(r() * scale.accounts)),
      iso(responded),
      String(nps),
      r() < 0.5 ? String(Math.min(5, Math.max(1, Math.round(nps / 2)))) : '',
      `contact${i % 997}@example.com`,
      COMMENTS[Math.floor(r() * COMMENTS.length)]!,
      nps <= 6 && r() < 0.6 ? iso(responded + 30 * 3_600_000) : '',
    ];
  });
}

export interface PortfolioFiles {
  readonly dir: string;
  readonly accounts: string;
  readonly assets: string;
  readonly service: string;
  readonly surveys: string;
}

/** The scale's files, written on first use and kept (deterministic, so a cached copy is the same). */
export async function portfolioFiles(root: string, scale: Scale, log: (line: string) => void): Promise<PortfolioFiles> {
  const dir = join(root, scale.name);
  mkdirSync(dir, { recursive: true });
  const files: PortfolioFiles = {
    dir,
    accounts: join(dir, 'accounts.csv'),
    assets: join(dir, 'assets.csv'),
    service: join(dir, 'service.csv'),
    surveys: join(dir, 'surveys.csv'),
  };
  const make = async (path: string, write: () => Promise<void>): Promise<void> => {
    if (existsSync(path)) return;
    log(`writing ${path}`);
    await write();
  };
  await make(files.accounts, () => writeAccounts(files.accounts, scale));
  await make(files.assets, () => writeAssets(files.assets, scale));
  await make(files.service, () => writeWorkOrders(files.service, scale));
  await make(files.surveys, () => writeSurveys(files.surveys, scale));
  return files;
}
