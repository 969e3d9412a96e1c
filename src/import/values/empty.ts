// Spellings of "no value" met in real exports; Salesforce writes an empty lookup as 000000000000000AAA.
// "none" is not here: it is a real value of contract type and coverage.
const EMPTY = new Set(['', 'na', 'n/a', 'n.a.', 'n. a.', '#n/a', '-', '--', '—', '–', 'null', 'nil', 'nan', '000000000000000aaa']);

// First characters of those spellings (and of padding): anything else is a value, decided without
// allocating a trimmed, lower-cased copy.
const FIRST = new Set(['', ' ', '\t', 'n', 'N', '#', '-', '—', '–', '0']);

export function isEmptyValue(text: string): boolean {
  if (text.length === 0) return true;
  if (text.length > 18 || !FIRST.has(text[0]!)) return false;
  return EMPTY.has(text.trim().toLowerCase());
}
