import type { HeaderTool } from './vendors';

/** The header of a file: the names its columns go by, and the rows it took. */
export interface Header {
  /** Records before the first data row (blank leading rows, header rows). */
  readonly rowsUsed: number;
  /** The header rows' numbers as the spreadsheet shows them. */
  readonly headerRowNumbers: readonly number[];
  readonly names: readonly string[];
  /** What a person reads for each column (a survey's question text where the tool gives one). */
  readonly labels: readonly string[];
  readonly tool: HeaderTool;
}

const blank = (row: readonly string[]): boolean => row.every((cell) => cell.trim() === '');

/**
 * Finds the header among the first records. Survey tools write more than one header row: Qualtrics
 * writes column ids, then question text, then {"ImportId": …}; its legacy export V1…Vn, then
 * names; SurveyMonkey the question, then the answer option or "Response". None is data.
 */
export function readHeader(records: readonly (readonly string[])[], rowNumbers: readonly number[]): Header | null {
  let start = 0;
  while (start < records.length && blank(records[start]!)) start++;
  const first = records[start];
  if (!first) return null;
  const second = records[start + 1];
  const third = records[start + 2];
  const clean = (row: readonly string[]): string[] => row.map((cell, i) => (i === 0 ? cell.replace(/^\uFEFF/, '') : cell).trim());
  const row1 = clean(first);

  if (second && third && third.some((cell) => /^\{"ImportId"/i.test(cell.trim()))) {
    return header(start, 3, row1, clean(second), 'qualtrics', rowNumbers);
  }
  if (second && row1.length > 2 && /^V1$/.test(row1[0]!) && /^V2$/.test(row1[1]!)) {
    const row2 = clean(second);
    const names = row1.map((name, i) => (/^V\d+$/.test(name) && row2[i] ? row2[i] : name));
    return header(start, 2, names, row2, 'qualtrics_legacy', rowNumbers);
  }
  if (second && isSurveyMonkeySecondRow(row1, second)) {
    const row2 = clean(second);
    const names: string[] = [];
    const labels: string[] = [];
    let question = '';
    for (let i = 0; i < Math.max(row1.length, row2.length); i++) {
      if (row1[i]) question = row1[i]!;
      const option = row2[i] ?? '';
      const plain = option === '' || /^(Response|Open-Ended Response)$/i.test(option);
      names.push(plain ? question : `${question} - ${option}`);
      labels.push(question);
    }
    return header(start, 2, names, labels, 'surveymonkey', rowNumbers);
  }
  return header(start, 1, row1, row1, null, rowNumbers);
}

function isSurveyMonkeySecondRow(row1: readonly string[], second: readonly string[]): boolean {
  const responses = second.filter((cell) => /^(Response|Open-Ended Response)$/i.test(cell.trim())).length;
  const respondent = row1.some((cell) => /^Respondent ?ID$/i.test(cell));
  return responses >= 1 && (respondent || responses >= 2);
}

function header(
  start: number,
  count: number,
  names: string[],
  labels: readonly string[],
  tool: HeaderTool,
  rowNumbers: readonly number[],
): Header {
  return {
    rowsUsed: start + count,
    headerRowNumbers: rowNumbers.slice(start, start + count),
    names,
    labels: names.map((name, i) => labels[i] || name),
    tool,
  };
}
