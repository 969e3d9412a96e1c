import { iterateEvidence } from '../db/repositories/evidence';
import { scoreAccount, type ScoredAccount } from '../domain/scoring/loyalty';
import type { Weights } from '../domain/scoring/profile';
import type { AccountFacts } from '../domain/evidence';
import { today, type AppContext } from './context';
import { loadEngineSettings } from './engine-settings';
import { currentTemplate } from './checklist-templates';

/** Every account scored as of a date, without storing anything (a report, a what-if with other weights). */
export function* scoreAll(ctx: AppContext, asOf?: string, override?: Partial<Weights>): Generator<{ account: AccountFacts; scored: ScoredAccount }> {
  const settings = loadEngineSettings(ctx.db);
  const template = currentTemplate(ctx.db, ctx.now()).template;
  const day = asOf ?? today(ctx);
  const reader = ctx.openReader();
  try {
    for (const evidence of iterateEvidence(reader)) {
      yield { account: evidence.account, scored: scoreAccount(evidence, day, settings, template, override) };
    }
  } finally {
    reader.close();
  }
}
