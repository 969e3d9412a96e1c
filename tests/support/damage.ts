import { closeSync, openSync, writeSync } from 'node:fs';

/** Overwrites one page of a database file with noise, as a failing disk would. */
export function damagePage(file: string, page: number, pageSize = 16384): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (page - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
}
