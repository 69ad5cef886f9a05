/*
 * The canvas's keyboard shortcuts: their bindings, when a key is the canvas's at all, and the list the help overlay
 * shows.
 */
import type { Graph } from '@antv/x6';

/** What the shortcuts do; each is the same action as its toolbar button or menu item. */
export interface ShortcutActions {
  remove(): void;
  undo(): void;
  redo(): void;
  copy(): void;
  paste(): void;
  duplicate(): void;
  selectAll(): void;
  layout(): void;
  rename(): void;
  help(): void;
}

/** Binds the shortcuts on the graph's Keyboard plugin; each stops the browser's own handling of its key. */
export function bindShortcuts(graph: Graph, actions: ShortcutActions): void {
  const bind = (keys: string[], action: () => void) =>
    graph.bindKey(keys, () => {
      action();
      return false;
    });
  bind(['delete', 'backspace'], actions.remove);
  bind(['ctrl+z', 'meta+z'], actions.undo);
  bind(['ctrl+shift+z', 'meta+shift+z', 'ctrl+y', 'meta+y'], actions.redo);
  bind(['ctrl+c', 'meta+c'], actions.copy);
  bind(['ctrl+v', 'meta+v'], actions.paste);
  bind(['ctrl+d', 'meta+d'], actions.duplicate);
  bind(['ctrl+a', 'meta+a'], actions.selectAll);
  bind(['shift+l'], actions.layout);
  bind(['f2'], actions.rename);
  bind(['?'], actions.help);
}

/**
 * Whether a key event is the canvas's: not typed into a field or a dialog, and the canvas is on screen and not
 * being written in (renaming).
 */
export function ownsKey(canvas: HTMLElement, renaming: boolean, e: KeyboardEvent): boolean {
  if (!canvas.isConnected || canvas.offsetParent === null || renaming) {
    return false;
  }
  for (const target of e.composedPath()) {
    if (!(target instanceof HTMLElement)) {
      continue;
    }
    const tag = target.tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable) {
      return false;
    }
    if (/-(OVERLAY|DIALOG)$/.test(tag) || target.getAttribute('role') === 'dialog') {
      return target.closest('easel-canvas') === canvas;
    }
  }
  // Copying text the user selected on the page is the browser's.
  const text = window.getSelection();
  return !(e.key.toLowerCase() === 'c' && text && !text.isCollapsed);
}

/** The help overlay's rows: keys, then what they do. */
export function shortcutRows(t: Record<string, string>): [string, string][] {
  return [
    ['Ctrl+Z', t.undo],
    ['Ctrl+Shift+Z / Ctrl+Y', t.redo],
    ['Ctrl+C', t.copy],
    ['Ctrl+V', t.paste],
    ['Ctrl+D', t.duplicate],
    ['Del / Backspace', t.remove],
    ['Ctrl+A', t.selectAll],
    [t.shiftClick, t.multiSelect],
    ['Shift+L', t.layout],
    ['F2', t.rename],
    ['Enter', t.addNode],
    [t.rightClick, t.contextMenu],
    ['?', t.help],
    ['Esc', t.close],
  ];
}
