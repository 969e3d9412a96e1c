import { readFileSync, writeFileSync } from 'node:fs';
import { screen, type BrowserWindow, type Rectangle } from 'electron';

export interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

const DEFAULT: WindowState = { bounds: { x: 0, y: 0, width: 1366, height: 768 }, maximized: false };

/** The last size and position, if it still fits on a connected display. */
export function loadWindowState(file: string): WindowState {
  try {
    const state = JSON.parse(readFileSync(file, 'utf8')) as WindowState;
    const visible = screen.getAllDisplays().some((d) => {
      const a = d.workArea;
      return state.bounds.x < a.x + a.width && state.bounds.x + state.bounds.width > a.x && state.bounds.y < a.y + a.height && state.bounds.y + state.bounds.height > a.y;
    });
    return visible ? state : { ...DEFAULT, bounds: { ...DEFAULT.bounds, ...centre(state.bounds.width, state.bounds.height) } };
  } catch {
    return { ...DEFAULT, bounds: { ...DEFAULT.bounds, ...centre(DEFAULT.bounds.width, DEFAULT.bounds.height) } };
  }
}

function centre(width: number, height: number): Rectangle {
  const area = screen.getPrimaryDisplay().workArea;
  const w = Math.min(width, area.width);
  const h = Math.min(height, area.height);
  return { x: area.x + Math.round((area.width - w) / 2), y: area.y + Math.round((area.height - h) / 2), width: w, height: h };
}

export function trackWindowState(window: BrowserWindow, file: string): void {
  const save = (): void => {
    const state: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
    try {
      writeFileSync(file, JSON.stringify(state));
    } catch {
      // A window that cannot remember its size still works.
    }
  };
  window.on('close', save);
}
