import { clip } from './numbers';
import { invalid, type Invalid } from './result';

const TRUE = new Set(['1', 'true', 't', 'yes', 'y', 'ja', 'j', 'oui', 'si', 'sí', 'x', '✓', '✔', 'wahr', 'vrai', '1.0']);
const FALSE = new Set(['0', 'false', 'f', 'no', 'n', 'nein', 'non', 'falsch', 'faux', '0.0']);

export function parseBoolean(text: string): boolean | Invalid {
  const s = text.trim().toLowerCase();
  if (TRUE.has(s)) return true;
  if (FALSE.has(s)) return false;
  return invalid(`"${clip(text)}" is not yes or no (write 1/0, true/false, yes/no or Y/N)`);
}
