import { useCallback, useState } from 'react';

// View state that outlives the view: filters, sort and scroll come back with the back key. Kept
// for this window's session only.

const memory = new Map<string, unknown>();

function read<T>(key: string, initial: T): T {
  if (memory.has(key)) return memory.get(key) as T;
  try {
    const stored = sessionStorage.getItem(`ahc.view.${key}`);
    if (stored !== null) return JSON.parse(stored) as T;
  } catch {
    // Storage unavailable or unreadable: start afresh.
  }
  return initial;
}

// Storage is written once shortly after a burst of changes (a scroll sends one per frame), and
// before the page goes away; memory answers in between.
const unsaved = new Set<string>();
let flushTimer: ReturnType<typeof setTimeout> | undefined;

function flush(): void {
  flushTimer = undefined;
  for (const key of unsaved) {
    try {
      sessionStorage.setItem(`ahc.view.${key}`, JSON.stringify(memory.get(key)));
    } catch {
      // A full or unavailable storage only loses the convenience.
    }
  }
  unsaved.clear();
}

if (typeof window !== 'undefined') window.addEventListener('pagehide', flush);

export function remember<T>(key: string, value: T): void {
  memory.set(key, value);
  unsaved.add(key);
  flushTimer ??= setTimeout(flush, 250);
}

export function recall<T>(key: string, initial: T): T {
  return read(key, initial);
}

export function usePersistentState<T>(key: string, initial: T): [T, (next: T | ((previous: T) => T)) => void] {
  const [value, setValue] = useState<T>(() => read(key, initial));
  const set = useCallback(
    (next: T | ((previous: T) => T)) => {
      setValue((previous) => {
        const resolved = typeof next === 'function' ? (next as (p: T) => T)(previous) : next;
        remember(key, resolved);
        return resolved;
      });
    },
    [key],
  );
  return [value, set];
}
