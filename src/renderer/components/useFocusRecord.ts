import { useEffect, useRef } from 'react';

/**
 * Brings the record a link pointed at into view and gives it focus, so following a driver or an
 * alert lands on its evidence.
 */
export function useFocusRecord<T extends HTMLElement>(focus: string | undefined, ready = true) {
  const container = useRef<T>(null);
  useEffect(() => {
    if (!focus || !ready || !container.current) return;
    const target = container.current.querySelector<HTMLElement>(`[data-record="${CSS.escape(focus)}"]`);
    if (!target) return;
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
  }, [focus, ready]);
  return container;
}
