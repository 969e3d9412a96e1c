// A process's peak private memory, sampled from outside it. Peak RSS counts the pages of files a
// process maps too: the scoring threads read the database through memory-mapped connections, so
// their RSS includes hundreds of megabytes of the database file, which the system may drop at any
// time. The anonymous part (heaps, SQLite's caches, buffers) is what the process costs the machine.

import { readFileSync } from 'node:fs';

const ANON = /^RssAnon:\s+(\d+)\s+kB$/m;

/** The process's anonymous resident memory in kB, or null where /proc does not say (not Linux, or gone). */
export function privateKb(pid: number): number | null {
  try {
    const found = ANON.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return found ? Number(found[1]) : null;
  } catch {
    return null;
  }
}

/** Samples a process every `everyMs` until stopped; `stop` gives the peak in MB (null if never read). */
export function watchPrivateMemory(pid: number, everyMs = 20): { stop: () => number | null } {
  let peak: number | null = null;
  const sample = (): void => {
    const kb = privateKb(pid);
    if (kb !== null) peak = Math.max(peak ?? 0, kb);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return peak === null ? null : Math.round(peak / 1024);
    },
  };
}
