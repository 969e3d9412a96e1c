import { afterEach, describe, expect, it } from 'vitest';
import { reviewHandlers } from '../../../src/services/handlers/review';
import { PdfPrintError } from '../../../src/services/review-pdf';
import { loadDemo } from '../../../src/services/demo';
import { useTempDir } from '../../support/temp';
import { testApp } from '../../support/context';

const t = useTempDir();
const open: Array<{ close(): void }> = [];
afterEach(() => {
  for (const c of open.splice(0)) c.close();
});

describe('review/pdf (browser mode\'s Save as PDF)', () => {
  it('returns the printed brief with its file name, or says why there is none', async () => {
    const { ctx, api } = testApp(t.dir());
    open.push(ctx);
    await loadDemo(ctx);
    let printed = '';
    const ok = reviewHandlers(ctx, { printPdf: (html) => ((printed = html), Promise.resolve(Buffer.from('%PDF-1.7 test'))) });
    const pdf = await ok['review/pdf']({ accountId: 'C0001' });
    expect(pdf).toEqual({ fileName: 'review-C0001-2026-11-23.pdf', pdfBase64: Buffer.from('%PDF-1.7 test').toString('base64'), problem: null });
    expect(printed).toMatch(/^<!doctype html>[\s\S]*<article class="brief/);

    const none = reviewHandlers(ctx, { printPdf: () => Promise.reject(new PdfPrintError('Chromium is needed to write a PDF and was not found.')) });
    expect(await none['review/pdf']({ accountId: 'C0001' })).toEqual({ fileName: 'review-C0001-2026-11-23.pdf', pdfBase64: null, problem: 'Chromium is needed to write a PDF and was not found.' });

    expect(await api.call('review/pdf', { accountId: 'NOPE' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await api.call('review/pdf', { accountId: 'C0001', asOf: 'soon' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });
});
