import { describe, expect, it } from 'vitest';
import { readHeader } from '../../../src/import/header';

const numbers = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('readHeader', () => {
  it('takes the first non-blank row as the header', () => {
    const h = readHeader([[''], ['a', 'b'], ['1', '2']], numbers(3))!;
    expect(h).toMatchObject({ rowsUsed: 2, headerRowNumbers: [2], names: ['a', 'b'], tool: null });
  });

  it('strips a byte-order mark left on the first name', () => {
    expect(readHeader([['\uFEFFid', 'x']], [1])!.names).toEqual(['id', 'x']);
  });

  it('recognises the three header rows of a Qualtrics export', () => {
    const h = readHeader(
      [
        ['ResponseId', 'Q1', 'Q1_NPS_GROUP'],
        ['Response ID', 'How likely are you to recommend us?', 'Q1 - Group'],
        ['{"ImportId":"_recordId"}', '{"ImportId":"QID1"}', '{"ImportId":"QID1_NPS_GROUP"}'],
        ['R_1', '9', 'Promoter'],
      ],
      numbers(4),
    )!;
    expect(h).toMatchObject({ tool: 'qualtrics', rowsUsed: 3, headerRowNumbers: [1, 2, 3], names: ['ResponseId', 'Q1', 'Q1_NPS_GROUP'] });
    expect(h.labels[1]).toBe('How likely are you to recommend us?');
  });

  it('takes names from the second row of a legacy Qualtrics export', () => {
    const h = readHeader([['V1', 'V2', 'V8', 'Q1'], ['ResponseID', 'ResponseSet', 'StartDate', 'Question?'], ['R_1', 'Default', '2017-07-18', '2']], numbers(3))!;
    expect(h).toMatchObject({ tool: 'qualtrics_legacy', rowsUsed: 2, names: ['ResponseID', 'ResponseSet', 'StartDate', 'Q1'] });
  });

  it('joins the question and answer rows of a SurveyMonkey export', () => {
    const h = readHeader(
      [
        ['RespondentID', 'Which films?', '', 'How likely is it that you would recommend us to a friend?'],
        ['', 'Episode I', 'Episode II', 'Response'],
        ['1', 'Episode I', '', '9'],
      ],
      numbers(3),
    )!;
    expect(h).toMatchObject({ tool: 'surveymonkey', rowsUsed: 2 });
    expect(h.names).toEqual(['RespondentID', 'Which films? - Episode I', 'Which films? - Episode II', 'How likely is it that you would recommend us to a friend?']);
  });

  it('gives nothing for a file of blank rows', () => {
    expect(readHeader([[''], ['', '']], [1, 2])).toBeNull();
  });
});
