/*
 * What the canvas keeps in the browser's localStorage, per user of this browser: palette favourites, recently used
 * components, collapsed palette categories, and the copied nodes (so a copy in one experiment pastes in another, in
 * this tab or another one).
 */

const FAVOURITES = 'easel.palette.favourites';
const RECENT = 'easel.palette.recent';
const COLLAPSED = 'easel.palette.collapsed';
const CLIPBOARD = 'easel.canvas.clipboard';
const RECENT_SIZE = 6;

/** Copied nodes with their params and the edges between them; positions as they were. */
export interface ClipboardPayload {
  format: 'easel-nodes/1';
  nodes: {
    id: string;
    component: string;
    label: string | null;
    params: Record<string, unknown>;
    position: { x: number; y: number };
  }[];
  edges: { from: { node: string; port: string }; to: { node: string; port: string } }[];
}

function readList(key: string): string[] {
  try {
    const value = JSON.parse(window.localStorage.getItem(key) ?? '[]');
    return Array.isArray(value) ? value.filter((v) => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

function writeList(key: string, list: string[]): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(list));
  } catch {
    // Storage full or disabled: the preference lasts for this page only.
  }
}

export class PaletteStore {
  favourites = new Set(readList(FAVOURITES));
  recent = readList(RECENT);
  collapsed = new Set(readList(COLLAPSED));

  toggleFavourite(componentId: string): void {
    if (!this.favourites.delete(componentId)) {
      this.favourites.add(componentId);
    }
    writeList(FAVOURITES, [...this.favourites]);
  }

  used(componentId: string): void {
    this.recent = [componentId, ...this.recent.filter((id) => id !== componentId)].slice(0, RECENT_SIZE);
    writeList(RECENT, this.recent);
  }

  setCollapsed(categoryId: string, collapsed: boolean): void {
    if (collapsed) {
      this.collapsed.add(categoryId);
    } else {
      this.collapsed.delete(categoryId);
    }
    writeList(COLLAPSED, [...this.collapsed]);
  }
}

export function writeClipboard(payload: ClipboardPayload): void {
  const json = JSON.stringify(payload);
  try {
    window.localStorage.setItem(CLIPBOARD, json);
  } catch {
    // Too large for storage: the system clipboard below may still carry it.
  }
  // Also on the system clipboard, where the browser allows it (secure contexts), for pasting into another browser.
  navigator.clipboard?.writeText(json).catch(() => undefined);
}

export function readClipboard(): ClipboardPayload | null {
  try {
    const value = JSON.parse(window.localStorage.getItem(CLIPBOARD) ?? 'null');
    return value && value.format === 'easel-nodes/1' && Array.isArray(value.nodes) ? (value as ClipboardPayload) : null;
  } catch {
    return null;
  }
}
