import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kind } from '../../../src/shared/kinds';
import { baseline, dropDatabase, importAndCheck, type Outcome } from './check-import';

/**
 * Files that once broke the importer, or stand for a kind of hostile input, each beside what must
 * come of it (tests/fixtures/fuzz-corpus/NAME.csv and NAME.expected.json).
 */
const CORPUS = join(import.meta.dirname, '..', '..', 'fixtures', 'fuzz-corpus');

interface Expected {
  readonly kind: Kind | null;
  readonly skipInvalid: boolean;
  readonly note: string;
  readonly outcome: Outcome;
}

const dir = mkdtempSync(join(tmpdir(), 'ahc-corpus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cases = readdirSync(CORPUS)
  .filter((name) => name.endsWith('.expected.json'))
  .map((name) => name.slice(0, -'.expected.json'.length))
  .sort();

describe('the hostile-input corpus', () => {
  it('holds cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });

  for (const name of cases) {
    const expected = JSON.parse(readFileSync(join(CORPUS, `${name}.expected.json`), 'utf8')) as Expected;
    it(`${name}: ${expected.note}`, async () => {
      const db = baseline(dir);
      try {
        const outcome = await importAndCheck(db, dir, `${name}.csv`, readFileSync(join(CORPUS, `${name}.csv`)), {
          ...(expected.kind ? { kind: expected.kind } : {}),
          skipInvalid: expected.skipInvalid,
        });
        if (process.env['CORPUS_PRINT']) console.log(name, JSON.stringify(outcome));
        expect(outcome).toEqual(expected.outcome);
      } finally {
        dropDatabase(db);
      }
    });
  }
});
