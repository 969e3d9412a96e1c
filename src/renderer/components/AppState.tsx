import { useEffect } from 'react';

/** Marks the root with what the window shows, so tests and the shell wait for "ready", never for time. */
export function useAppState(state: 'loading' | 'ready' | 'error'): void {
  useEffect(() => {
    document.getElementById('root')?.setAttribute('data-app-state', state);
  }, [state]);
}
