import { useState } from 'react';
import { Link } from 'wouter';
import type { SaveReviewPdfResult } from '../../../shared/api/review';
import { useApi } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { useAppState, viewState } from '../../components/AppState';
import { ErrorState } from '../../components/States';
import { paths } from '../../app/paths';
import { BriefDocument } from './BriefDocument';
import { desktopPdf, downloadPdf } from './pdf';
import './review.css';

type Saving = { state: 'idle' } | { state: 'saving' } | { state: 'done'; result: SaveReviewPdfResult };

/** The account-review brief as it will print: a page to read here, print, or save as PDF for the meeting. */
export function ReviewView({ accountId }: { readonly accountId: string }) {
  const query = useApiQuery('review/get', { accountId });
  useAppState(viewState(query));
  const api = useApi();
  const [saving, setSaving] = useState<Saving>({ state: 'idle' });

  const savePdf = async (): Promise<void> => {
    setSaving({ state: 'saving' });
    try {
      const desktop = desktopPdf();
      const result = desktop ? await desktop.saveReviewPdf({ accountId }) : await downloadPdf(api, accountId);
      setSaving({ state: 'done', result });
    } catch (error) {
      setSaving({ state: 'done', result: { status: 'failed', message: (error as Error).message } });
    }
  };

  const back = (
    <Link href={paths.account(accountId)} className="back-link">
      ← {query.data?.accountName ?? 'Account'}
    </Link>
  );

  if (query.isError) {
    return (
      <main className="review-view" aria-label="Review brief">
        {back}
        <ErrorState title="This review brief cannot be shown" message={query.error.message} onRetry={() => void query.refetch()} />
      </main>
    );
  }
  if (query.isPending) {
    return (
      <main className="review-view" aria-busy="true" aria-label="Review brief">
        {back}
        <p className="loading" role="status">
          Preparing the review brief…
        </p>
      </main>
    );
  }
  const brief = query.data;
  return (
    <main className="review-view" aria-label={`Review brief: ${brief.accountName}`} data-view="review" data-account-id={brief.accountId}>
      <div className="review-toolbar">
        {back}
        <p className="review-label">Review brief, as it prints</p>
        <div className="review-actions">
          <button type="button" onClick={() => window.print()} aria-keyshortcuts="Control+P" title="Print the brief (Ctrl+P)">
            Print
          </button>
          <button type="button" className="primary" onClick={() => void savePdf()} disabled={saving.state === 'saving'}>
            {saving.state === 'saving' ? 'Saving…' : 'Save as PDF'}
          </button>
        </div>
      </div>
      <p className={`review-message${saving.state === 'done' && saving.result.status === 'failed' ? ' failed' : ''}`} role="status">
        {saving.state === 'done' ? resultWords(saving.result) : ''}
      </p>
      <BriefDocument brief={brief} />
    </main>
  );
}

function resultWords(result: SaveReviewPdfResult): string {
  switch (result.status) {
    case 'saved':
      return `Saved ${result.path}.`;
    case 'cancelled':
      return 'Not saved.';
    case 'failed':
      return `The PDF was not saved. ${result.message}`;
  }
}
