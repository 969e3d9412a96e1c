import { afterAll, describe, it } from 'vitest';
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KINDS } from '../../../src/shared/kinds';
import type { Db } from '../../../src/db/connection';
import { count } from '../../support/db-state';
import { hostileFile, type HostileFile } from './hostile-files';
import { baseline, dropDatabase, importAndCheck } from './check-import';

/** Runs per kind here; FUZZ_RUNS raises it (the crash suite does). */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 500);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261123);
const dir = mkdtempSync(join(tmpdir(), 'ahc-fuzz-'));
/** Where a failing file is written, to be added to tests/fixtures/fuzz-corpus. */
const FAILURES = join(tmpdir(), 'ahc-fuzz-failures');

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hostile files never crash, hang or half-apply the importer', () => {
  for (const kind of KINDS) {
    it(`${RUNS} ${kind} files (seed ${SEED})`, async () => {
      let db: Db = baseline(dir);
      let n = 0;
      try {
        await fc.assert(
          fc.asyncProperty(hostileFile([kind]), async (file: HostileFile) => {
            const name = `${kind}-${n++}.csv`;
            try {
              await importAndCheck(db, dir, name, file.bytes, { ...(file.givenKind ? { kind } : {}), skipInvalid: file.skipInvalid });
            } catch (error) {
              mkdirSync(FAILURES, { recursive: true });
              const saved = join(FAILURES, `${kind}-${SEED}-${n}.csv`);
              writeFileSync(saved, file.bytes);
              throw new Error(`${(error as Error).message}\n  file: ${saved} (${file.recipe}; kind given: ${file.givenKind}, skip invalid: ${file.skipInvalid})`, { cause: error });
            }
            // Start again from the baseline once successes have grown the database.
            if (count(db, 'imports') > 40) {
              dropDatabase(db);
              db = baseline(dir);
            }
          }),
          { numRuns: RUNS, seed: SEED + KINDS.indexOf(kind), endOnFailure: true },
        );
      } finally {
        if (db.open) dropDatabase(db);
      }
    }, 120_000);
  }
});
