import type { Db } from '../connection';
import type { PulseRating } from '../../shared/scoring-types';

export interface RecommendationEventInput {
  recommendationId: string;
  accountId: string;
  action: 'reminded' | 'accepted' | 'declined' | 'done' | 'reopened';
  on: string;
  note: string | null;
  by: string | null;
}

export function insertRecommendationEvent(db: Db, e: RecommendationEventInput, at: string): number {
  return Number(
    db
      .prepare('INSERT INTO recommendation_events (recommendation_id, account_id, action, happened_on, note, logged_by, logged_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(e.recommendationId, e.accountId, e.action, e.on, e.note, e.by, at).lastInsertRowid,
  );
}

export function recommendationAccount(db: Db, recommendationId: string): string | null {
  return (db.prepare('SELECT account_id FROM recommendations WHERE recommendation_id = ?').pluck().get(recommendationId) as string | undefined) ?? null;
}

export function insertPulse(db: Db, accountId: string, rating: PulseRating, reason: string, setOn: string, expiresOn: string, by: string | null): void {
  db.prepare('INSERT INTO account_pulses (account_id, rating, reason, set_on, expires_on, set_by) VALUES (?, ?, ?, ?, ?, ?)').run(accountId, rating, reason, setOn, expiresOn, by);
}

export interface NoteRecord {
  noteId: number;
  writtenAt: string;
  text: string;
  author: string | null;
}

export function insertNote(db: Db, accountId: string, text: string, author: string | null, at: string): NoteRecord {
  const id = Number(db.prepare('INSERT INTO account_notes (account_id, written_at, text, author) VALUES (?, ?, ?, ?)').run(accountId, at, text, author).lastInsertRowid);
  return { noteId: id, writtenAt: at, text, author };
}

export function notesOf(db: Db, accountId: string): NoteRecord[] {
  return (db.prepare('SELECT note_id, written_at, text, author FROM account_notes WHERE account_id = ? ORDER BY written_at DESC, note_id DESC').all(accountId) as Array<{ note_id: number; written_at: string; text: string; author: string | null }>).map(
    (r) => ({ noteId: r.note_id, writtenAt: r.written_at, text: r.text, author: r.author }),
  );
}

export function accountExists(db: Db, accountId: string): boolean {
  return db.prepare('SELECT 1 FROM accounts WHERE account_id = ?').get(accountId) !== undefined;
}
