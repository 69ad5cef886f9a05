/*
 * The canvas's right-click menus (node, comment, connection, blank canvas) and its help overlay: what they offer and
 * how they are drawn. The canvas decides where they open and carries out the actions.
 */
import { html, nothing, type TemplateResult } from 'lit';

/** A menu opened by a right click, at a point of the stage. */
export interface ContextMenu {
  x: number;
  y: number;
  items: MenuItem[];
}

export interface MenuItem {
  label: string;
  action?: () => void;
  /** Why the item is disabled; an item without action and reason is a separator. */
  disabledReason?: string;
  shortcut?: string;
}

/** A help overlay: keyboard shortcuts (keys drawn as keys) or a component's description. */
export interface HelpOverlay {
  title: string;
  keys: boolean;
  rows: [string, string][];
}

const SEPARATOR: MenuItem = { label: '' };

/** What a node's menu does; the run commands are carried out by the server. */
export interface NodeMenuActions {
  viewOutput(): void;
  rename(): void;
  duplicate(): void;
  copy(): void;
  remove(): void;
  run(command: 'run-only' | 'run-from' | 'run-to'): void;
  help(): void;
}

export function nodeMenu(t: Record<string, string>, a: NodeMenuActions): MenuItem[] {
  return [
    { label: t.viewOutput, action: () => a.viewOutput() },
    { label: t.rename, action: () => a.rename(), shortcut: 'F2' },
    { label: t.duplicate, action: () => a.duplicate(), shortcut: 'Ctrl+D' },
    { label: t.copy, action: () => a.copy(), shortcut: 'Ctrl+C' },
    { label: t.delete, action: () => a.remove(), shortcut: 'Del' },
    SEPARATOR,
    { label: t.runThis, action: () => a.run('run-only') },
    { label: t.runFrom, action: () => a.run('run-from') },
    { label: t.runTo, action: () => a.run('run-to') },
    SEPARATOR,
    { label: t.componentHelp, action: () => a.help() },
  ];
}

export function noteMenu(t: Record<string, string>, edit: () => void, remove: () => void): MenuItem[] {
  return [
    { label: t.editNote, action: edit },
    { label: t.delete, action: remove, shortcut: 'Del' },
  ];
}

export function edgeMenu(t: Record<string, string>, remove: () => void): MenuItem[] {
  return [{ label: t.deleteEdge, action: remove, shortcut: 'Del' }];
}

/** What the blank canvas's menu does; paste is null while the clipboard holds nothing. */
export interface CanvasMenuActions {
  paste: (() => void) | null;
  addNote(): void;
  selectAll(): void;
  layout(): void;
  fit(): void;
}

export function canvasMenu(t: Record<string, string>, a: CanvasMenuActions): MenuItem[] {
  return [
    { label: t.paste, shortcut: 'Ctrl+V', ...(a.paste ? { action: a.paste } : { disabledReason: t.paste }) },
    { label: t.addNote, action: () => a.addNote() },
    { label: t.selectAll, action: () => a.selectAll(), shortcut: 'Ctrl+A' },
    { label: t.layout, action: () => a.layout(), shortcut: 'Shift+L' },
    { label: t.fit, action: () => a.fit() },
  ];
}

/** Where a menu of `items` opened at `at` goes: kept inside the stage, opening leftwards or upwards near its edges. */
export function placeMenu(at: { x: number; y: number }, stage: DOMRect, items: MenuItem[]): ContextMenu {
  const x = Math.min(at.x, stage.width - 220);
  const y = Math.min(at.y, stage.height - 34 * items.length - 12);
  return { x: Math.max(4, x), y: Math.max(4, y), items };
}

/** The menu; `close` runs before the picked item's action. */
export function renderMenu(menu: ContextMenu | null, close: () => void): TemplateResult | typeof nothing {
  if (!menu) {
    return nothing;
  }
  return html`<div class="easel-menu" role="menu" style="left:${menu.x}px;top:${menu.y}px" @contextmenu=${(e: Event) => e.preventDefault()}>
    ${menu.items.map((item) =>
      !item.action && !item.disabledReason
        ? html`<hr />`
        : html`<button
            role="menuitem"
            data-action=${item.label}
            ?disabled=${!item.action}
            title=${item.disabledReason ?? ''}
            @click=${() => {
              close();
              item.action?.();
            }}
          >
            <span>${item.label}</span>${item.shortcut ? html`<span class="easel-shortcut">${item.shortcut}</span>` : nothing}
          </button>`,
    )}
  </div>`;
}

export function renderHelp(help: HelpOverlay | null, closeText: string, close: () => void): TemplateResult | typeof nothing {
  if (!help) {
    return nothing;
  }
  return html`<div class="easel-overlay easel-help" role="dialog" aria-label=${help.title}>
    <button class="easel-close" aria-label=${closeText} @click=${() => close()}>×</button>
    <h3>${help.title}</h3>
    <table>
      ${help.rows.map(
        ([key, what]) =>
          html`<tr>
            <td>${help.keys ? key.split(' / ').map((k, i) => html`${i > 0 ? ' / ' : ''}<kbd>${k}</kbd>`) : html`<b>${key}</b>`}</td>
            <td>${what}</td>
          </tr>`,
      )}
    </table>
  </div>`;
}
