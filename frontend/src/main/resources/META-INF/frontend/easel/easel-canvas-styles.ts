/*
 * The canvas's stylesheet. The canvas renders in light DOM (X6 puts its own CSS into document.head), so its styles go
 * there too, once per page.
 */
const STYLE_ID = 'easel-canvas-styles';

const STYLES = `
easel-canvas {
  display: flex;
  position: relative;
  min-height: 320px;
  overflow: hidden;
  font-family: var(--lumo-font-family, system-ui, sans-serif);
  font-size: var(--lumo-font-size-s, 14px);
  color: var(--lumo-body-text-color, #1f2733);
  background: #f6f8fb;
  border: 1px solid var(--lumo-contrast-10pct, #e3e7ee);
  border-radius: var(--lumo-border-radius-m, 6px);
}
easel-canvas .easel-palette {
  flex: 0 0 236px;
  display: flex;
  flex-direction: column;
  background: var(--lumo-base-color, #fff);
  border-right: 1px solid var(--lumo-contrast-10pct, #e3e7ee);
  min-height: 0;
}
easel-canvas .easel-palette-search {
  margin: 10px;
  padding: 7px 10px;
  border: 1px solid var(--lumo-contrast-20pct, #d5dae3);
  border-radius: var(--lumo-border-radius-m, 6px);
  font: inherit;
  outline: none;
  background: var(--lumo-contrast-5pct, #f3f5f8);
}
easel-canvas .easel-palette-search:focus {
  border-color: var(--lumo-primary-color, #1a5fd1);
  background: var(--lumo-base-color, #fff);
}
easel-canvas .easel-palette-list {
  flex: 1 1 auto;
  overflow-y: auto;
  padding: 0 6px 12px;
}
easel-canvas details.easel-palette-category > summary {
  cursor: pointer;
  list-style: none;
  padding: 7px 6px;
  font-size: var(--lumo-font-size-xs, 12px);
  font-weight: 600;
  letter-spacing: 0.02em;
  text-transform: uppercase;
  color: var(--lumo-secondary-text-color, #5b6472);
  user-select: none;
}
easel-canvas details.easel-palette-category > summary::-webkit-details-marker { display: none; }
easel-canvas details.easel-palette-category > summary::before {
  content: '';
  display: inline-block;
  width: 0; height: 0;
  margin-right: 7px;
  border-left: 5px solid currentColor;
  border-top: 4px solid transparent;
  border-bottom: 4px solid transparent;
  transition: transform 0.12s;
  vertical-align: 1px;
}
easel-canvas details.easel-palette-category[open] > summary::before { transform: rotate(90deg); }
easel-canvas .easel-palette-count {
  float: right;
  font-weight: 500;
  color: var(--lumo-tertiary-text-color, #8a94a6);
}
easel-canvas .easel-palette-item {
  display: flex;
  align-items: center;
  gap: 8px;
  margin: 2px 0;
  padding: 7px 8px;
  border: 1px solid transparent;
  border-radius: var(--lumo-border-radius-m, 6px);
  cursor: grab;
  user-select: none;
  line-height: 1.25;
}
easel-canvas .easel-palette-item:hover {
  background: var(--lumo-primary-color-10pct, #e8effc);
  border-color: var(--lumo-primary-color-50pct, #a9c2ef);
}
easel-canvas .easel-palette-item:focus-visible {
  outline: 2px solid var(--lumo-primary-color, #1a5fd1);
}
easel-canvas .easel-palette-item-title {
  flex: 1 1 auto;
  min-width: 0;
  overflow: hidden;
  text-overflow: ellipsis;
  white-space: nowrap;
}
easel-canvas .easel-port-dots { display: flex; gap: 3px; flex: 0 0 auto; }
easel-canvas .easel-port-dot {
  width: 7px; height: 7px; border-radius: 50%;
  border: 1.5px solid currentColor; box-sizing: border-box;
}
easel-canvas .easel-port-dot.out { background: currentColor; }
easel-canvas .easel-palette-empty {
  padding: 16px 10px;
  color: var(--lumo-secondary-text-color, #5b6472);
}
easel-canvas .easel-stage {
  position: relative;
  flex: 1 1 auto;
  min-width: 0;
}
easel-canvas .easel-graph {
  position: absolute;
  inset: 0;
  outline: none;
}
easel-canvas .easel-toolbar {
  position: absolute;
  top: 10px;
  right: 10px;
  display: flex;
  gap: 2px;
  padding: 3px;
  background: var(--lumo-base-color, #fff);
  border: 1px solid var(--lumo-contrast-10pct, #e3e7ee);
  border-radius: var(--lumo-border-radius-m, 6px);
  box-shadow: 0 1px 3px rgba(20, 30, 50, 0.08);
  z-index: 2;
}
easel-canvas .easel-toolbar button {
  width: 30px;
  height: 28px;
  display: inline-flex;
  align-items: center;
  justify-content: center;
  border: 0;
  border-radius: 4px;
  background: transparent;
  color: var(--lumo-body-text-color, #1f2733);
  cursor: pointer;
  padding: 0;
}
easel-canvas .easel-toolbar button:hover:not(:disabled) { background: var(--lumo-contrast-10pct, #e9edf3); }
easel-canvas .easel-toolbar button:disabled { opacity: 0.35; cursor: default; }
easel-canvas .easel-toolbar .easel-zoom {
  min-width: 44px;
  align-self: center;
  text-align: center;
  font-size: 12px;
  color: var(--lumo-secondary-text-color, #5b6472);
  font-variant-numeric: tabular-nums;
}
easel-canvas .easel-toolbar .easel-sep {
  width: 1px;
  margin: 4px 3px;
  background: var(--lumo-contrast-10pct, #e3e7ee);
}
easel-canvas .easel-hint {
  position: absolute;
  inset: 0;
  display: flex;
  align-items: center;
  justify-content: center;
  pointer-events: none;
  color: var(--lumo-tertiary-text-color, #8a94a6);
  font-size: var(--lumo-font-size-m, 15px);
}
easel-canvas .easel-banner {
  position: absolute;
  left: 12px;
  top: 10px;
  max-width: calc(100% - 340px);
  padding: 8px 12px;
  background: #fff1f1;
  color: #a3262a;
  border: 1px solid #f3c0c2;
  border-radius: var(--lumo-border-radius-m, 6px);
  font-size: var(--lumo-font-size-s, 13px);
  z-index: 2;
}
easel-canvas .easel-banner div + div { margin-top: 3px; }
easel-canvas .easel-tooltip {
  position: absolute;
  z-index: 3;
  max-width: 320px;
  padding: 7px 10px;
  border-radius: 5px;
  background: rgba(28, 34, 45, 0.94);
  color: #fff;
  font-size: 12px;
  line-height: 1.4;
  pointer-events: none;
  white-space: pre-line;
  box-shadow: 0 2px 8px rgba(0, 0, 0, 0.18);
}
easel-canvas .easel-tooltip .error { color: #ffb3b5; }
easel-canvas g[data-cell-id] rect[data-state='running'] {
  stroke-dasharray: 6 4;
  animation: easel-march 0.8s linear infinite;
}
easel-canvas g[data-cell-id] circle[data-spin='true'] {
  stroke-dasharray: 22 12;
  transform-box: fill-box;
  transform-origin: center;
  animation: easel-spin 0.9s linear infinite;
}
@keyframes easel-march { to { stroke-dashoffset: -20; } }
@keyframes easel-spin { to { transform: rotate(360deg); } }
easel-canvas .x6-port-body { transition: r 0.1s; }
easel-canvas .x6-port-body:hover { r: 6.5; }
easel-canvas .x6-edge:hover path:nth-child(2) { stroke-width: 2.5; }
.x6-widget-dnd { z-index: 1000; }
easel-canvas .easel-star {
  flex: 0 0 auto;
  border: 0;
  background: transparent;
  padding: 0 2px;
  cursor: pointer;
  font-size: 14px;
  line-height: 1;
  color: var(--lumo-contrast-30pct, #b9c0cc);
  visibility: hidden;
}
easel-canvas .easel-palette-item:hover .easel-star,
easel-canvas .easel-palette-item:focus-within .easel-star,
easel-canvas .easel-star[aria-pressed='true'] { visibility: visible; }
easel-canvas .easel-star[aria-pressed='true'] { color: #e0a100; }
easel-canvas .easel-menu {
  position: absolute;
  z-index: 5;
  min-width: 200px;
  padding: 4px 0;
  background: var(--lumo-base-color, #fff);
  border: 1px solid var(--lumo-contrast-10pct, #e3e7ee);
  border-radius: var(--lumo-border-radius-m, 6px);
  box-shadow: 0 4px 16px rgba(20, 30, 50, 0.16);
}
easel-canvas .easel-menu button {
  display: flex;
  width: 100%;
  justify-content: space-between;
  gap: 16px;
  padding: 6px 12px;
  border: 0;
  background: transparent;
  font: inherit;
  color: inherit;
  text-align: left;
  cursor: pointer;
}
easel-canvas .easel-menu button:hover:not(:disabled) { background: var(--lumo-primary-color-10pct, #e8effc); }
easel-canvas .easel-menu button:disabled { color: var(--lumo-disabled-text-color, #a0a7b4); cursor: default; }
easel-canvas .easel-menu .easel-shortcut { color: var(--lumo-tertiary-text-color, #8a94a6); font-size: 12px; }
easel-canvas .easel-menu hr { margin: 4px 0; border: 0; border-top: 1px solid var(--lumo-contrast-10pct, #e3e7ee); }
easel-canvas .easel-overlay {
  position: absolute;
  z-index: 6;
  left: 50%;
  top: 50%;
  transform: translate(-50%, -50%);
  max-width: min(520px, calc(100% - 40px));
  max-height: calc(100% - 40px);
  overflow: auto;
  padding: 16px 20px;
  background: var(--lumo-base-color, #fff);
  border: 1px solid var(--lumo-contrast-10pct, #e3e7ee);
  border-radius: var(--lumo-border-radius-l, 10px);
  box-shadow: 0 8px 28px rgba(20, 30, 50, 0.22);
}
easel-canvas .easel-overlay h3 { margin: 0 0 10px; font-size: 16px; }
easel-canvas .easel-overlay table { border-collapse: collapse; width: 100%; }
easel-canvas .easel-overlay td { padding: 4px 8px 4px 0; vertical-align: top; }
easel-canvas .easel-overlay kbd {
  display: inline-block;
  padding: 1px 6px;
  border: 1px solid var(--lumo-contrast-20pct, #d5dae3);
  border-bottom-width: 2px;
  border-radius: 4px;
  font: 12px var(--lumo-font-family, system-ui, sans-serif);
  background: var(--lumo-contrast-5pct, #f3f5f8);
  white-space: nowrap;
}
easel-canvas .easel-overlay .easel-close { float: right; border: 0; background: transparent; font-size: 18px; cursor: pointer; }
easel-canvas .easel-rename {
  position: absolute;
  z-index: 5;
  padding: 4px 6px;
  font: inherit;
  border: 1px solid var(--lumo-primary-color, #1a5fd1);
  border-radius: 4px;
  box-shadow: 0 2px 8px rgba(20, 30, 50, 0.18);
}
easel-canvas .easel-minimap {
  position: absolute;
  right: 10px;
  bottom: 10px;
  z-index: 2;
  background: var(--lumo-base-color, #fff);
  border: 1px solid var(--lumo-contrast-10pct, #e3e7ee);
  border-radius: var(--lumo-border-radius-m, 6px);
  box-shadow: 0 1px 3px rgba(20, 30, 50, 0.08);
  overflow: hidden;
}
easel-canvas .easel-minimap[hidden] { display: none; }
easel-canvas .easel-notice {
  position: absolute;
  z-index: 4;
  left: 50%;
  bottom: 16px;
  transform: translateX(-50%);
  padding: 7px 14px;
  border-radius: var(--lumo-border-radius-m, 6px);
  background: rgba(28, 34, 45, 0.92);
  color: #fff;
  font-size: 13px;
  pointer-events: none;
}
`;

export function ensureStyles(): void {
  if (!document.getElementById(STYLE_ID)) {
    const style = document.createElement('style');
    style.id = STYLE_ID;
    style.textContent = STYLES;
    document.head.appendChild(style);
  }
}
