import { userInfo } from 'node:os';
import { today, type AppContext } from './context';
import { recomputeAccounts } from './recompute';
import { NotFoundError } from './dispatcher';
import { currentTemplate } from './checklist-templates';
import { readSetting } from '../db/repositories/settings';
import { accountExists, insertNote, insertPulse, insertRecommendationEvent, recommendationAccount, type NoteRecord } from '../db/repositories/account-actions';
import { insertTick, revokeTick } from '../db/repositories/checklist';
import { addDays } from '../domain/dates';
import type { PulseRating } from '../shared/scoring-types';

export class ActionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ActionError';
  }
}

/** Who is acting: the name set in Settings, else the computer's user. */
export function currentUser(ctx: AppContext): string {
  const named = readSetting(ctx.db, 'user.name');
  if (typeof named === 'string' && named.trim()) return named.trim();
  try {
    return userInfo().username;
  } catch {
    return 'me';
  }
}

function requireAccount(ctx: AppContext, accountId: string): void {
  if (!accountExists(ctx.db, accountId)) throw new NotFoundError(`There is no account "${accountId}".`);
}

function notInFuture(ctx: AppContext, day: string, what: string): void {
  if (day > today(ctx)) throw new ActionError(`${what} cannot be in the future.`);
}

/** Rescores one account after a change to it: its snapshot and alerts follow at once. */
function rescore(ctx: AppContext, accountId: string): void {
  recomputeAccounts(ctx, new Set([accountId]));
}

export type RecommendationAction = 'reminded' | 'accepted' | 'declined' | 'done' | 'reopened';

/**
 * A reminder given, or the customer's decision, logged in the app. A reminder calms the
 * recommendation's alert (the customer heard of it again); a decision closes it.
 */
export function logRecommendation(ctx: AppContext, input: { recommendationId: string; action: RecommendationAction; on?: string; note?: string | null }): { accountId: string } {
  const accountId = recommendationAccount(ctx.db, input.recommendationId);
  if (!accountId) throw new NotFoundError(`There is no recommendation "${input.recommendationId}".`);
  const on = input.on ?? today(ctx);
  notInFuture(ctx, on, 'The day of a reminder or decision');
  ctx.db.transaction(() => {
    insertRecommendationEvent(ctx.db, { recommendationId: input.recommendationId, accountId, action: input.action, on, note: input.note?.trim() || null, by: currentUser(ctx) }, ctx.now().toISOString());
    rescore(ctx, accountId);
  })();
  return { accountId };
}

/** A manual checklist item confirmed, with a note; it expires after the item's validity. */
export function tickChecklistItem(ctx: AppContext, input: { accountId: string; itemId: string; doneOn?: string; note?: string | null }): { expiresOn: string | null } {
  requireAccount(ctx, input.accountId);
  const { version, template } = currentTemplate(ctx.db, ctx.now());
  const item = template.groups.flatMap((g) => g.items).find((i) => i.id === input.itemId);
  if (!item) throw new NotFoundError(`The checklist has no item "${input.itemId}".`);
  if (item.kind !== 'manual') throw new ActionError(`"${item.text}" is worked out from the data; it cannot be ticked by hand.`);
  const doneOn = input.doneOn ?? today(ctx);
  notInFuture(ctx, doneOn, 'The day it was done');
  const expiresOn = item.validDays ? addDays(doneOn, item.validDays) : null;
  ctx.db.transaction(() => {
    revokeTick(ctx.db, input.accountId, input.itemId, ctx.now());
    insertTick(ctx.db, { accountId: input.accountId, itemId: input.itemId, templateVersion: version, doneOn, expiresOn, note: input.note?.trim() || null, by: currentUser(ctx) }, ctx.now());
    rescore(ctx, input.accountId);
  })();
  return { expiresOn };
}

export function untickChecklistItem(ctx: AppContext, input: { accountId: string; itemId: string }): { removed: boolean } {
  requireAccount(ctx, input.accountId);
  let removed = false;
  ctx.db.transaction(() => {
    removed = revokeTick(ctx.db, input.accountId, input.itemId, ctx.now());
    if (removed) rescore(ctx, input.accountId);
  })();
  return { removed };
}

/** The account manager's own rating, kept beside the computed score, never blended into it. */
export function setPulse(ctx: AppContext, input: { accountId: string; rating: PulseRating; reason: string; expiresOn?: string }): { expiresOn: string } {
  requireAccount(ctx, input.accountId);
  const reason = input.reason.trim();
  if (!reason) throw new ActionError('Say why: a pulse needs a reason.');
  const setOn = today(ctx);
  const expiresOn = input.expiresOn ?? addDays(setOn, 90);
  if (expiresOn <= setOn) throw new ActionError('A pulse expires after the day it is set.');
  insertPulse(ctx.db, input.accountId, input.rating, reason, setOn, expiresOn, currentUser(ctx));
  return { expiresOn };
}

export function addNote(ctx: AppContext, input: { accountId: string; text: string }): NoteRecord {
  requireAccount(ctx, input.accountId);
  const text = input.text.trim();
  if (!text) throw new ActionError('A note needs some text.');
  return insertNote(ctx.db, input.accountId, text, currentUser(ctx), ctx.now().toISOString());
}
