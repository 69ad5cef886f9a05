/*
 * <easel-canvas>: the experiment editor's canvas. A palette of components (category sections + search) beside an
 * AntV X6 graph. Rendered in light DOM because X6 injects its CSS into document.head and its Dnd widget into
 * document.body; a shadow root would hide the graph from both.
 *
 * Server -> client: the Java wrapper (io.easel.studio.canvas.ExperimentCanvas) calls the public methods below with
 * JSON strings. Client -> server: this.$server.graphChanged(json) after user edits (debounced) and
 * this.$server.nodeSelected(id | null). The client only owns the structure (nodes, positions, edges); params stay on
 * the server, which merges them back in.
 */
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { Dnd, Graph, History, Keyboard, Selection, Snapline, type Cell, type Edge, type Node } from '@antv/x6';
import { layeredLayout } from './easel-canvas-layout';
import { Overview } from './easel-canvas-overview';
import { PaletteStore, readClipboard, writeClipboard, type ClipboardPayload } from './easel-canvas-store';

type PortType = 'table' | 'model' | 'report';
type NodeState = 'queued' | 'running' | 'succeeded' | 'failed' | 'skipped' | 'not_in_run';

interface PortInfo {
  name: string;
  type: PortType;
  title: string;
  optional?: boolean;
}

interface PaletteComponent {
  id: string;
  version: number;
  title: string;
  titleEn: string;
  titleZh: string;
  description: string;
  keywords: string[];
  inputs: PortInfo[];
  outputs: PortInfo[];
}

interface PaletteCategory {
  id: string;
  title: string;
  components: PaletteComponent[];
}

interface Palette {
  categories: PaletteCategory[];
  texts: Record<string, string>;
}

interface GraphNode {
  id: string;
  component: string;
  label?: string | null;
  params?: Record<string, unknown>;
  position?: { x: number; y: number };
}

interface PortRef {
  node: string;
  port: string;
}

interface GraphEdge {
  from: PortRef;
  to: PortRef;
}

/** A comment on the canvas (sticky note), saved with the experiment. */
interface GraphNote {
  id: string;
  text: string;
  position?: { x: number; y: number };
}

interface CanvasGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  notes?: GraphNote[];
}

interface ValidationError {
  nodeId?: string;
  param?: string;
  port?: string;
  code?: string;
  message: string;
}

/** What a node cell carries besides its geometry. */
interface NodeData {
  component: string;
  label: string | null;
  /** The node's params as the server last sent them; kept here so that the undo history covers param edits. */
  params: Record<string, unknown>;
  state: NodeState | null;
  stateMessage: string | null;
  errors: string[];
  /** What changed since the node's last run, when its outputs are out of date. */
  stale?: string | null;
}

interface ServerConnector {
  graphChanged(json: string): void;
  nodeSelected(nodeId: string | null): void;
  /**
   * A node command the server carries out: 'output' (show the node's results), 'run-only', 'run-from', 'run-to'
   * (start a run of the node alone, of it and what is downstream, of it and what it needs upstream).
   */
  nodeCommand(command: string, nodeId: string): void;
}

/** A menu opened by a right click, at a point of the stage. */
interface ContextMenu {
  x: number;
  y: number;
  items: MenuItem[];
}

interface MenuItem {
  label: string;
  action?: () => void;
  /** Why the item is disabled; an item without action and reason is a separator. */
  disabledReason?: string;
  shortcut?: string;
}

const NODE_WIDTH = 200;
const NODE_HEIGHT = 48;
/** Offset of pasted or duplicated nodes from the originals. */
const PASTE_OFFSET = 30;
const HISTORY_SIZE = 200;
const NOTICE_MS = 4000;
const NOTE_SHAPE = 'easel-note';
const NOTE_WIDTH = 180;
const NOTE_HEIGHT = 100;
/** As components/api's Note.MAX_TEXT_LENGTH. */
const NOTE_MAX_LENGTH = 4000;

function isNote(cell: Cell): boolean {
  return cell.shape === NOTE_SHAPE;
}
const EMIT_DELAY_MS = 250;
/**
 * A User Timing measure (in Chrome's performance panel, and read by the browser suite) from a graph's arrival to the
 * frame that shows it drawn and in view; its detail counts the nodes and edges.
 */
const GRAPH_SHOWN = 'easel-canvas:graph-shown';

const PORT_COLORS: Record<PortType, string> = {
  table: '#2f6fde',
  model: '#d4750b',
  report: '#2e9a5a',
};

const STATE_COLORS: Record<NodeState, string> = {
  queued: '#8a94a6',
  running: '#2f6fde',
  succeeded: '#2e9a5a',
  failed: '#d63a3a',
  skipped: '#a0a7b4',
  not_in_run: '#b8bfcb',
};

/** The badge of a node whose last outputs no longer match its settings or inputs. */
const STALE_COLOR = '#7c5cc4';

/** Small white glyphs drawn inside the status dot, on a 12x12 box centred at 0,0. */
const STATE_GLYPHS: Record<NodeState, string> = {
  queued: 'M 0 -3.5 L 0 0 L 2.5 1.5',
  running: '',
  succeeded: 'M -3 0 L -1 2.5 L 3.2 -2.5',
  failed: 'M -2.5 -2.5 L 2.5 2.5 M 2.5 -2.5 L -2.5 2.5',
  skipped: 'M -3 0 L 3 0',
  not_in_run: '',
};

const ERROR_COLOR = '#e5484d';
const SELECTED_COLOR = '#1a5fd1';

let shapesRegistered = false;

function registerShapes(): void {
  if (shapesRegistered) {
    return;
  }
  shapesRegistered = true;
  const port = (group: 'in' | 'out') => ({
    position: group === 'in' ? 'top' : 'bottom',
    markup: [{ tagName: 'circle', selector: 'circle' }],
    // The port's name (Train, Test, Model…) outside the node: above an input, below an output.
    label: { position: group === 'in' ? { name: 'top', args: { y: -4 } } : { name: 'bottom', args: { y: 4 } } },
    attrs: {
      text: {
        fontSize: 10,
        fill: '#4a5361',
        stroke: '#f6f8fb',
        strokeWidth: 3,
        paintOrder: 'stroke',
        pointerEvents: 'none',
      },
      circle: {
        r: 5,
        magnet: group === 'in' ? 'passive' : true,
        stroke: '#5b6472',
        strokeWidth: 1.5,
        fill: '#ffffff',
        cursor: group === 'in' ? 'default' : 'crosshair',
      },
    },
  });
  Graph.registerNode(
    'easel-node',
    {
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      markup: [
        { tagName: 'rect', selector: 'halo' },
        { tagName: 'rect', selector: 'body' },
        { tagName: 'path', selector: 'stripe' },
        { tagName: 'rect', selector: 'progress' },
        { tagName: 'text', selector: 'title' },
        { tagName: 'text', selector: 'subtitle' },
        { tagName: 'circle', selector: 'status' },
        { tagName: 'path', selector: 'statusGlyph' },
        { tagName: 'circle', selector: 'errorBadge' },
        { tagName: 'text', selector: 'errorMark' },
        { tagName: 'circle', selector: 'staleBadge' },
        { tagName: 'path', selector: 'staleMark' },
      ],
      attrs: {
        halo: {
          x: -4,
          y: -4,
          width: NODE_WIDTH + 8,
          height: NODE_HEIGHT + 8,
          rx: 9,
          ry: 9,
          fill: 'none',
          stroke: SELECTED_COLOR,
          strokeOpacity: 0.35,
          strokeWidth: 4,
          visibility: 'hidden',
          pointerEvents: 'none',
        },
        body: {
          width: NODE_WIDTH,
          height: NODE_HEIGHT,
          rx: 6,
          ry: 6,
          fill: '#ffffff',
          stroke: '#c5ccd8',
          strokeWidth: 1,
        },
        stripe: {
          // A band along the left edge that follows the body's rounded corners.
          d: `M 6 0 A 6 6 0 0 0 0 6 L 0 ${NODE_HEIGHT - 6} A 6 6 0 0 0 6 ${NODE_HEIGHT} Z`,
          fill: '#c5ccd8',
          pointerEvents: 'none',
        },
        title: {
          x: 14,
          y: NODE_HEIGHT / 2,
          fontSize: 13,
          fontWeight: 500,
          fill: '#1f2733',
          textVerticalAnchor: 'middle',
          textAnchor: 'start',
          pointerEvents: 'none',
        },
        subtitle: {
          x: 14,
          y: 31,
          fontSize: 10.5,
          fill: '#6b7585',
          textVerticalAnchor: 'middle',
          textAnchor: 'start',
          pointerEvents: 'none',
          visibility: 'hidden',
        },
        progress: {
          // How far a running node's Spark tasks have got: a thin bar along the bottom edge.
          x: 6,
          y: NODE_HEIGHT - 4,
          width: 0,
          height: 3,
          rx: 1.5,
          ry: 1.5,
          fill: STATE_COLORS.running,
          visibility: 'hidden',
          pointerEvents: 'none',
        },
        status: {
          cx: NODE_WIDTH - 16,
          cy: NODE_HEIGHT / 2,
          r: 7,
          fill: 'none',
          visibility: 'hidden',
          pointerEvents: 'none',
        },
        statusGlyph: {
          transform: `translate(${NODE_WIDTH - 16}, ${NODE_HEIGHT / 2})`,
          fill: 'none',
          stroke: '#ffffff',
          strokeWidth: 1.6,
          strokeLinecap: 'round',
          strokeLinejoin: 'round',
          pointerEvents: 'none',
        },
        errorBadge: {
          cx: NODE_WIDTH - 2,
          cy: 2,
          r: 7,
          fill: ERROR_COLOR,
          visibility: 'hidden',
          pointerEvents: 'none',
        },
        errorMark: {
          x: NODE_WIDTH - 2,
          y: 2,
          text: '!',
          fontSize: 11,
          fontWeight: 700,
          fill: '#ffffff',
          textAnchor: 'middle',
          textVerticalAnchor: 'middle',
          visibility: 'hidden',
          pointerEvents: 'none',
        },
        staleBadge: {
          cx: NODE_WIDTH - 20,
          cy: 2,
          r: 7,
          fill: STALE_COLOR,
          visibility: 'hidden',
          pointerEvents: 'none',
        },
        staleMark: {
          // A circular arrow: "to be computed again".
          d: 'M 2.6 -1.8 A 3 3 0 1 0 3 1 M 2.6 -1.8 L 2.9 -4 M 2.6 -1.8 L 0.6 -2.2',
          transform: `translate(${NODE_WIDTH - 20}, 2)`,
          fill: 'none',
          stroke: '#ffffff',
          strokeWidth: 1.3,
          strokeLinecap: 'round',
          visibility: 'hidden',
          pointerEvents: 'none',
        },
      },
      ports: {
        groups: { in: port('in'), out: port('out') },
      },
    },
    true,
  );
  Graph.registerNode(
    NOTE_SHAPE,
    {
      width: NOTE_WIDTH,
      height: NOTE_HEIGHT,
      markup: [
        { tagName: 'rect', selector: 'body' },
        { tagName: 'text', selector: 'label' },
      ],
      attrs: {
        body: {
          width: NOTE_WIDTH,
          height: NOTE_HEIGHT,
          rx: 3,
          ry: 3,
          fill: '#fff6c4',
          stroke: '#e3cf6d',
          strokeWidth: 1,
          filter: 'drop-shadow(0 1px 2px rgba(60, 50, 0, 0.18))',
        },
        label: {
          x: 10,
          y: 10,
          fontSize: 12,
          fill: '#4a4220',
          textAnchor: 'start',
          textVerticalAnchor: 'top',
          textWrap: { width: NOTE_WIDTH - 20, height: NOTE_HEIGHT - 20, ellipsis: true },
          pointerEvents: 'none',
        },
      },
    },
    true,
  );
}

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

function ensureStyles(): void {
  if (!document.getElementById(STYLE_ID)) {
    const style = document.createElement('style');
    style.id = STYLE_ID;
    style.textContent = STYLES;
    document.head.appendChild(style);
  }
}

const ICONS: Record<string, TemplateResult> = {
  zoomIn: html`<svg width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"><circle cx="7" cy="7" r="4.5"/><path d="M10.5 10.5 14 14M7 5v4M5 7h4"/></svg>`,
  zoomOut: html`<svg width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"><circle cx="7" cy="7" r="4.5"/><path d="M10.5 10.5 14 14M5 7h4"/></svg>`,
  fit: html`<svg width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"><path d="M2 6V2h4M10 2h4v4M14 10v4h-4M6 14H2v-4"/></svg>`,
  undo: html`<svg width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"><path d="M5 3 2 6l3 3"/><path d="M2 6h7.5a4 4 0 0 1 0 8H6"/></svg>`,
  redo: html`<svg width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"><path d="m11 3 3 3-3 3"/><path d="M14 6H6.5a4 4 0 0 0 0 8H10"/></svg>`,
  layout: html`<svg width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round"><rect x="5.5" y="1.5" width="5" height="3" rx="1"/><rect x="1.5" y="11.5" width="5" height="3" rx="1"/><rect x="9.5" y="11.5" width="5" height="3" rx="1"/><path d="M8 4.5v3.5M4 11.5V8h8v3.5"/></svg>`,
  minimap: html`<svg width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round"><rect x="1.5" y="2.5" width="13" height="11" rx="1.5"/><rect x="7.5" y="7.5" width="5" height="4" rx="0.5"/></svg>`,
  help: html`<svg width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"><circle cx="8" cy="8" r="6.5"/><path d="M6.2 6.2a1.9 1.9 0 1 1 2.6 1.7c-.5.3-.8.6-.8 1.2v.4M8 11.6v.1"/></svg>`,
  remove: html`<svg width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"><path d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.7 9h5.6l.7-9"/></svg>`,
};

const DEFAULT_TEXTS: Record<string, string> = {
  search: 'Search components',
  noMatches: 'No component matches',
  emptyCanvas: 'Drag components here from the palette',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  fit: 'Fit to screen',
  undo: 'Undo',
  redo: 'Redo',
  remove: 'Delete selection',
  inputs: 'Inputs',
  outputs: 'Outputs',
  wrongType: 'A {from} output cannot feed a {to} input',
  portTaken: 'This input is already connected',
  cycle: 'This connection would create a cycle',
  favourites: 'Favourites',
  recent: 'Recently used',
  star: 'Add to favourites',
  unstar: 'Remove from favourites',
  layout: 'Auto-layout',
  minimap: 'Show or hide the overview map',
  help: 'Keyboard shortcuts',
  shortcuts: 'Keyboard shortcuts',
  close: 'Close',
  viewOutput: 'View output',
  rename: 'Rename',
  duplicate: 'Duplicate',
  delete: 'Delete',
  componentHelp: 'Help',
  runThis: 'Run this node',
  runFrom: 'Run from here',
  runTo: 'Run to here',
  stale: 'Out of date',
  copy: 'Copy',
  paste: 'Paste',
  deleteEdge: 'Delete connection',
  selectAll: 'Select all',
  multiSelect: 'Add to the selection / select with a box',
  addNode: 'Add the palette item to the canvas',
  contextMenu: 'Node and canvas actions',
  rightClick: 'Right click',
  shiftClick: 'Shift + click, Shift + drag',
  description: 'Description',
  addNote: 'Add comment',
  editNote: 'Edit comment',
};

export class EaselCanvas extends LitElement {
  declare $server?: ServerConnector;

  private palette: Palette = { categories: [], texts: {} };
  private components = new Map<string, PaletteComponent>();
  private query = '';
  private graph?: Graph;
  private dnd?: Dnd;
  private history?: History;
  private selection?: Selection;
  /** While the server's graph is being applied, model events are not user edits. */
  private applying = 0;
  private emitTimer?: number;
  private lastEmitted = '';
  private pendingGraph?: CanvasGraph;
  private usedIds = new Set<string>();
  private states = new Map<string, { state: NodeState; message: string | null }>();
  /** Why each out-of-date node is, by node id. */
  private stale = new Map<string, string>();
  /** The decoration each node's attributes hold, as decorate() last set it. */
  private decorations = new WeakMap<Node, string>();
  /** Running nodes' share of tasks done (-1: not known yet) and their progress line. */
  private progress = new Map<string, { fraction: number; text: string }>();
  private errors: ValidationError[] = [];
  private graphErrors: string[] = [];
  /** The tooltip shown, and the node it is about (kept current while errors and run states change). */
  private tooltip: { x: number; y: number; lines: { text: string; error: boolean }[]; nodeId?: string } | null = null;
  private zoom = 1;
  private selectedIds: string[] = [];
  private resizeObserver?: ResizeObserver;
  private store = new PaletteStore();
  private overview?: Overview;
  private notice: string | null = null;
  private noticeTimer?: number;
  /** Where the pointer last was over the stage, in client coordinates. */
  private pointer: { x: number; y: number } | null = null;
  private menu: ContextMenu | null = null;
  private helpShown: { title: string; keys: boolean; rows: [string, string][] } | null = null;
  /** The node being renamed, or the note being written, in place. */
  private renaming: { nodeId: string; x: number; y: number; width: number; value: string; note: boolean } | null = null;
  private minimapShown = true;
  /** The node the Dnd widget is dropping: selected once it is added. */
  private dropping: string | null = null;
  private keyListener = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      this.closePopups();
    }
  };

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    ensureStyles();
    registerShapes();
    document.addEventListener('keydown', this.keyListener);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.keyListener);
    this.resizeObserver?.disconnect();
    this.flushEmit();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // API called by the Java wrapper

  /** The palette: {categories: [{id, title, components: [...]}], texts: {...}} as JSON. */
  setPalette(json: string): void {
    this.palette = JSON.parse(json) as Palette;
    this.components.clear();
    for (const category of this.palette.categories) {
      for (const component of category.components) {
        this.components.set(component.id, component);
      }
    }
    this.requestUpdate();
    if (this.graph) {
      // Titles and port colours come from the palette: rebuild what is drawn.
      this.applyGraph(this.currentGraph(), true);
    }
  }

  /** The experiment graph (ExperimentGraph JSON; params are ignored here). */
  setGraph(json: string): void {
    const parsed = JSON.parse(json) as CanvasGraph;
    const graph: CanvasGraph = { nodes: parsed.nodes ?? [], edges: parsed.edges ?? [], notes: parsed.notes ?? [] };
    if (!this.graph) {
      this.pendingGraph = graph;
      return;
    }
    this.applyGraph(graph, false);
  }

  /**
   * One node's label and params, as a settings form changed them (one step of the undo history). Only that node is
   * touched: a whole setGraph would take back canvas edits the server has not heard of yet.
   */
  setNodeSettings(nodeId: string, label: string | null, paramsJson: string): void {
    const node = this.graph?.getCellById(nodeId);
    if (!node || !node.isNode()) {
      return;
    }
    const params = JSON.parse(paramsJson) as Record<string, unknown>;
    this.applying++;
    try {
      this.updateNodeData(node, label ?? null, params);
    } finally {
      this.applying--;
    }
    // The server knows this node's new settings: an undo back to the old ones must reach it. Only this node's entry
    // of what was last sent changes, so edits not sent yet are still sent.
    if (this.lastEmitted) {
      const sent = JSON.parse(this.lastEmitted) as CanvasGraph;
      const entry = sent.nodes.find((n) => n.id === nodeId);
      if (entry) {
        entry.label = label ?? null;
        entry.params = params;
        this.lastEmitted = JSON.stringify(sent);
      }
    }
  }

  setNodeState(nodeId: string, state: string | null, message: string | null): void {
    if (state) {
      this.states.set(nodeId, { state: state.toLowerCase() as NodeState, message: message || null });
    } else {
      this.states.delete(nodeId);
    }
    const node = this.graph?.getCellById(nodeId);
    if (node && node.isNode()) {
      this.decorate(node);
    }
  }

  /** Several node states at once: {nodeId: {state, message}} as JSON. */
  setNodeStates(json: string): void {
    const states = JSON.parse(json) as Record<string, { state: string; message?: string | null }>;
    this.states.clear();
    for (const [id, value] of Object.entries(states)) {
      this.states.set(id, { state: value.state.toLowerCase() as NodeState, message: value.message ?? null });
    }
    this.decorateAll();
  }

  /** The nodes whose last outputs are out of date, with what changed: {nodeId: reason} as JSON ('{}': none). */
  setStaleNodes(json: string): void {
    this.stale = new Map(Object.entries(JSON.parse(json) as Record<string, string>));
    this.decorateAll();
  }

  /** How far a running node has got; a null text clears it. */
  setNodeProgress(nodeId: string, fraction: number, text: string | null): void {
    if (text) {
      this.progress.set(nodeId, { fraction, text });
    } else {
      this.progress.delete(nodeId);
    }
    const node = this.graph?.getCellById(nodeId);
    if (node && node.isNode()) {
      this.decorate(node);
    }
  }

  clearNodeStates(): void {
    this.progress.clear();
    this.states.clear();
    this.decorateAll();
  }

  /** ValidationError[] as JSON. */
  setValidationErrors(json: string): void {
    this.errors = (JSON.parse(json) as ValidationError[]) ?? [];
    this.decorateAll();
  }

  selectNode(nodeId: string | null): void {
    if (!this.graph || !this.selection) {
      return;
    }
    this.applying++;
    try {
      if (nodeId && this.graph.getCellById(nodeId)) {
        this.selection.reset(nodeId);
        this.selectedIds = [nodeId];
      } else {
        this.selection.clean();
        this.selectedIds = [];
      }
      this.decorateAll();
    } finally {
      this.applying--;
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Rendering

  protected override render(): TemplateResult {
    const t = this.texts();
    const canUndo = this.history?.canUndo() ?? false;
    const canRedo = this.history?.canRedo() ?? false;
    const empty = this.graph ? this.graph.getNodes().length === 0 : true;
    return html`
      <div class="easel-palette">
        <input
          class="easel-palette-search"
          type="search"
          placeholder=${t.search}
          aria-label=${t.search}
          .value=${this.query}
          @input=${(e: Event) => this.onSearch((e.target as HTMLInputElement).value)}
        />
        <div class="easel-palette-list">${this.renderPalette()}</div>
      </div>
      <div class="easel-stage">
        <div class="easel-graph"></div>
        ${empty && this.components.size > 0 ? html`<div class="easel-hint">${t.emptyCanvas}</div>` : nothing}
        <div class="easel-toolbar">
          <button title=${t.zoomOut} aria-label=${t.zoomOut} @click=${() => this.zoomBy(-0.1)}>${ICONS.zoomOut}</button>
          <span class="easel-zoom">${Math.round(this.zoom * 100)}%</span>
          <button title=${t.zoomIn} aria-label=${t.zoomIn} @click=${() => this.zoomBy(0.1)}>${ICONS.zoomIn}</button>
          <button title=${t.fit} aria-label=${t.fit} @click=${() => this.fit()}>${ICONS.fit}</button>
          <span class="easel-sep"></span>
          <button title=${t.undo} aria-label=${t.undo} ?disabled=${!canUndo} @click=${() => this.history?.undo()}>
            ${ICONS.undo}
          </button>
          <button title=${t.redo} aria-label=${t.redo} ?disabled=${!canRedo} @click=${() => this.history?.redo()}>
            ${ICONS.redo}
          </button>
          <button
            title=${t.remove}
            aria-label=${t.remove}
            ?disabled=${this.selectedIds.length === 0}
            @click=${() => this.removeSelection()}
          >
            ${ICONS.remove}
          </button>
          <span class="easel-sep"></span>
          <button class="easel-layout-button" title=${t.layout} aria-label=${t.layout} ?disabled=${empty} @click=${() => this.autoLayout()}>
            ${ICONS.layout}
          </button>
          <button title=${t.minimap} aria-label=${t.minimap} aria-pressed=${this.minimapShown} @click=${() => this.toggleMinimap()}>
            ${ICONS.minimap}
          </button>
          <button class="easel-help-button" title="${t.help} (?)" aria-label=${t.help} @click=${() => this.showShortcuts()}>
            ${ICONS.help}
          </button>
        </div>
        <div class="easel-minimap" ?hidden=${!this.minimapShown || empty}></div>
        ${this.graphErrors.length > 0
          ? html`<div class="easel-banner">${this.graphErrors.map((m) => html`<div>${m}</div>`)}</div>`
          : nothing}
        ${this.tooltip
          ? html`<div class="easel-tooltip" style="left:${this.tooltip.x}px;top:${this.tooltip.y}px">
              ${this.tooltip.lines.map((l) => html`<div class=${l.error ? 'error' : ''}>${l.text}</div>`)}
            </div>`
          : nothing}
        ${this.notice ? html`<div class="easel-notice" role="status">${this.notice}</div>` : nothing}
        ${this.renderMenu()} ${this.renderHelp()} ${this.renderRename()}
      </div>
    `;
  }

  private renderMenu(): TemplateResult | typeof nothing {
    const menu = this.menu;
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
                this.closePopups();
                item.action?.();
              }}
            >
              <span>${item.label}</span>${item.shortcut ? html`<span class="easel-shortcut">${item.shortcut}</span>` : nothing}
            </button>`,
      )}
    </div>`;
  }

  private renderHelp(): TemplateResult | typeof nothing {
    const help = this.helpShown;
    if (!help) {
      return nothing;
    }
    return html`<div class="easel-overlay easel-help" role="dialog" aria-label=${help.title}>
      <button class="easel-close" aria-label=${this.texts().close} @click=${() => this.closePopups()}>×</button>
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

  private renderRename(): TemplateResult | typeof nothing {
    const r = this.renaming;
    if (!r) {
      return nothing;
    }
    if (r.note) {
      // Enter starts a new line in a note; Ctrl+Enter or a click elsewhere finishes it.
      return html`<textarea
        class="easel-rename easel-note-editor"
        maxlength=${NOTE_MAX_LENGTH}
        style="left:${r.x}px;top:${r.y}px;width:${r.width}px;height:${NOTE_HEIGHT}px"
        .value=${r.value}
        @keydown=${(e: KeyboardEvent) => {
          e.stopPropagation();
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            this.finishRename((e.target as HTMLTextAreaElement).value);
          } else if (e.key === 'Escape') {
            this.renaming = null;
            this.requestUpdate();
          }
        }}
        @blur=${(e: FocusEvent) => this.finishRename((e.target as HTMLTextAreaElement).value)}
      ></textarea>`;
    }
    return html`<input
      class="easel-rename"
      style="left:${r.x}px;top:${r.y}px;width:${r.width}px"
      .value=${r.value}
      @keydown=${(e: KeyboardEvent) => {
        e.stopPropagation();
        if (e.key === 'Enter') {
          this.finishRename((e.target as HTMLInputElement).value);
        } else if (e.key === 'Escape') {
          this.renaming = null;
          this.requestUpdate();
        }
      }}
      @blur=${(e: FocusEvent) => this.finishRename((e.target as HTMLInputElement).value)}
    />`;
  }

  private renderPalette(): TemplateResult {
    const q = this.query.trim().toLowerCase();
    const t = this.texts();
    const matches = (c: PaletteComponent) => q === '' || this.matchesQuery(c, q);
    const pick = (ids: Iterable<string>) =>
      [...ids].map((id) => this.components.get(id)).filter((c): c is PaletteComponent => !!c && matches(c));
    const sections = [
      // Favourites and recently used first: with 100+ components, the few a user needs should not take a search.
      { category: { id: 'favourites', title: t.favourites, components: [] }, items: pick(this.store.favourites) },
      { category: { id: 'recent', title: t.recent, components: [] }, items: q === '' ? pick(this.store.recent) : [] },
      ...this.palette.categories.map((category) => ({ category, items: category.components.filter(matches) })),
    ].filter((s) => s.items.length > 0);
    if (sections.length === 0) {
      return html`<div class="easel-palette-empty">${this.components.size > 0 ? t.noMatches : ''}</div>`;
    }
    // While searching, every section with a match is open; otherwise each keeps the state the user left it in.
    return html`${sections.map(
      (s) => html`
        <details
          class="easel-palette-category"
          data-category=${s.category.id}
          .open=${q !== '' || !this.store.collapsed.has(s.category.id)}
          @toggle=${(e: Event) => {
            if (q === '') {
              this.store.setCollapsed(s.category.id, !(e.target as HTMLDetailsElement).open);
            }
          }}
        >
          <summary>${s.category.title}<span class="easel-palette-count">${s.items.length}</span></summary>
          ${s.items.map((c) => this.renderItem(c))}
        </details>
      `,
    )}`;
  }

  private renderItem(c: PaletteComponent): TemplateResult {
    const t = this.texts();
    const tip = [c.title, c.description, c.id].filter((x) => !!x).join('\n');
    const favourite = this.store.favourites.has(c.id);
    return html`<div
      class="easel-palette-item"
      tabindex="0"
      data-component-id=${c.id}
      title=${tip}
      @mousedown=${(e: MouseEvent) => {
        if (!(e.target as HTMLElement).closest('.easel-star')) {
          // Without this the browser also starts selecting text, and a later press on selected text becomes the
          // browser's own drag of that text, which swallows the mouse events of the next drags and connections.
          e.preventDefault();
          (e.currentTarget as HTMLElement).focus();
          this.startDrag(c, e);
        }
      }}
      @dblclick=${(e: MouseEvent) => {
        if (!(e.target as HTMLElement).closest('.easel-star')) {
          this.addInView(c);
        }
      }}
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Enter') {
          this.addInView(c);
        }
      }}
    >
      <span class="easel-palette-item-title">${c.title}</span>
      <span class="easel-port-dots">
        ${c.inputs.map((p) => html`<span class="easel-port-dot" style="color:${PORT_COLORS[p.type]}"></span>`)}
        ${c.outputs.map((p) => html`<span class="easel-port-dot out" style="color:${PORT_COLORS[p.type]}"></span>`)}
      </span>
      <button
        class="easel-star"
        tabindex="-1"
        aria-pressed=${favourite}
        title=${favourite ? t.unstar : t.star}
        aria-label=${favourite ? t.unstar : t.star}
        @click=${() => {
          this.store.toggleFavourite(c.id);
          this.requestUpdate();
        }}
      >
        ${favourite ? '★' : '☆'}
      </button>
    </div>`;
  }

  private matchesQuery(c: PaletteComponent, q: string): boolean {
    return [c.title, c.titleEn, c.titleZh, c.id, ...c.keywords].some((s) => !!s && s.toLowerCase().includes(q));
  }

  private onSearch(value: string): void {
    this.query = value;
    this.requestUpdate();
  }

  private texts(): Record<string, string> {
    return { ...DEFAULT_TEXTS, ...this.palette.texts };
  }

  protected override firstUpdated(changed: PropertyValues): void {
    super.firstUpdated(changed);
    this.initGraph();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // X6

  private initGraph(): void {
    const container = this.querySelector('.easel-graph') as HTMLElement;
    const graph: Graph = new Graph({
      container,
      // Synchronous rendering: with async rendering, re-setting the graph left duplicate node elements behind.
      async: false,
      autoResize: true,
      grid: { visible: true, size: 10, type: 'dot', args: { color: '#cfd6e1', thickness: 1 } },
      background: { color: '#f6f8fb' },
      panning: { enabled: true, eventTypes: ['leftMouseDown'] },
      mousewheel: { enabled: true, zoomAtMousePosition: true, minScale: 0.25, maxScale: 2.5, factor: 1.1 },
      scaling: { min: 0.25, max: 2.5 },
      connecting: {
        snap: { radius: 24 },
        allowBlank: false,
        allowLoop: false,
        allowNode: false,
        allowEdge: false,
        allowMulti: false,
        highlight: true,
        router: 'normal',
        connector: { name: 'smooth' },
        anchor: 'center',
        connectionPoint: 'anchor',
        validateMagnet: ({ magnet }) => magnet.getAttribute('port-group') === 'out',
        validateConnection: (args) => {
          const problem = this.connectionProblem(args.sourceCell, args.sourcePort, args.targetCell, args.targetPort, args.edge);
          // X6 asks about every port (to highlight the available ones): only the one under the pointer gets a reason.
          if (problem && problem !== 'invalid' && this.isUnderPointer(args.targetCell, args.targetPort)) {
            this.showNotice(problem);
          }
          return problem === null;
        },
        createEdge: (): Edge =>
          graph.createEdge({
            shape: 'edge',
            zIndex: -1,
            attrs: { line: { stroke: '#8a94a6', strokeWidth: 1.8, targetMarker: { name: 'block', width: 8, height: 6 } } },
          }),
      },
      highlighting: {
        magnetAvailable: { name: 'stroke', args: { padding: 3, attrs: { stroke: '#2e9a5a', 'stroke-width': 2 } } },
        magnetAdsorbed: { name: 'stroke', args: { padding: 4, attrs: { stroke: '#1a5fd1', 'stroke-width': 3 } } },
      },
      interacting: { nodeMovable: true, edgeMovable: false, edgeLabelMovable: false, arrowheadMovable: false, vertexMovable: false, vertexAddable: false },
    });
    this.graph = graph;

    this.selection = new Selection({
      enabled: true,
      multiple: true,
      multipleSelectionModifiers: ['shift', 'ctrl', 'meta'],
      rubberband: true,
      modifiers: 'shift',
      movable: true,
      showNodeSelectionBox: false,
      showEdgeSelectionBox: false,
      pointerEvents: 'none',
    });
    graph.use(this.selection);
    graph.use(new Snapline({ enabled: true, sharp: true }));
    // Bound on the document, so shortcuts work as soon as the editor is shown (no click on the canvas first); the
    // guard leaves keys to text fields, dialogs and other pages.
    graph.use(new Keyboard({ enabled: true, global: true, guard: (e: KeyboardEvent) => this.ownsKey(e) }));
    this.history = new History({
      enabled: true,
      stackSize: HISTORY_SIZE,
      // Run states, validation marks and selection halos are decoration, not edits.
      beforeAddCommand: (_event: string, args: unknown) =>
        !((args as { options?: { decoration?: boolean } }).options?.decoration),
    });
    graph.use(this.history);
    this.dnd = new Dnd({
      target: graph,
      scaled: false,
      getDragNode: (node: Node) => node.clone({ keepId: true }),
      getDropNode: (node: Node) => {
        const component = node.getData<NodeData>().component;
        const dropped = this.createNode(component, this.nextId(component), 0, 0, null, {});
        this.dropping = dropped.id;
        return dropped;
      },
    });

    graph.bindKey(['delete', 'backspace'], () => {
      this.removeSelection();
      return false;
    });
    graph.bindKey(['ctrl+z', 'meta+z'], () => {
      this.history?.undo();
      return false;
    });
    graph.bindKey(['ctrl+shift+z', 'meta+shift+z', 'ctrl+y', 'meta+y'], () => {
      this.history?.redo();
      return false;
    });
    graph.bindKey(['ctrl+c', 'meta+c'], () => {
      this.copySelection();
      return false;
    });
    graph.bindKey(['ctrl+v', 'meta+v'], () => {
      this.paste(readClipboard(), this.pointerOnGraph());
      return false;
    });
    graph.bindKey(['ctrl+d', 'meta+d'], () => {
      this.duplicateSelection();
      return false;
    });
    graph.bindKey(['ctrl+a', 'meta+a'], () => {
      this.selection?.reset(graph.getNodes());
      return false;
    });
    graph.bindKey(['shift+l'], () => {
      this.autoLayout();
      return false;
    });
    graph.bindKey(['f2'], () => {
      const nodes = this.selectedNodes();
      if (nodes.length === 1) {
        this.startRename(nodes[0]);
      }
      return false;
    });
    graph.bindKey(['?'], () => {
      this.showShortcuts();
      return false;
    });

    const edited = () => {
      if (this.applying === 0) {
        this.scheduleEmit();
      }
    };
    graph.on('node:added', ({ node }) => {
      this.usedIds.add(node.id);
      this.decorate(node);
      edited();
      this.requestUpdate();
      if (node.id === this.dropping) {
        this.dropping = null;
        this.store.used(node.getData<NodeData>().component);
        this.selection?.reset(node);
      }
    });
    graph.on('node:removed', () => {
      edited();
      this.requestUpdate();
    });
    graph.on('node:change:position', edited);
    // Label and param changes: from the server (recorded for undo) or from an undo/redo here (sent to the server).
    graph.on('node:change:data', ({ node, options }) => {
      if ((options as { decoration?: boolean }).decoration) {
        return;
      }
      this.showLabel(node);
      this.decorate(node);
      edited();
    });
    graph.on('edge:connected', ({ edge }) => {
      this.styleEdge(edge);
      edited();
    });
    graph.on('edge:added', ({ edge }) => {
      if (this.isComplete(edge)) {
        this.styleEdge(edge);
        edited();
      }
    });
    graph.on('edge:removed', ({ edge }) => {
      if (this.isComplete(edge)) {
        edited();
      }
    });
    graph.on('node:contextmenu', ({ node, e }) => this.openNodeMenu(node, e as unknown as MouseEvent));
    graph.on('edge:contextmenu', ({ edge, e }) => this.openEdgeMenu(edge, e as unknown as MouseEvent));
    graph.on('blank:contextmenu', ({ e, x, y }) => this.openCanvasMenu(e as unknown as MouseEvent, { x, y }));
    graph.on('blank:click', () => this.closePopups());
    graph.on('cell:click', () => this.closePopups());
    graph.on('node:dblclick', ({ node }) => this.startRename(node));
    // One click on an edge selects it (drawn highlighted); only Delete or the menu removes it.
    graph.on('edge:click', ({ edge }) => {
      if (!this.selection?.isSelected(edge)) {
        this.selection?.reset(edge);
      }
    });
    graph.on('selection:changed', () => this.onSelectionChanged());
    graph.on('history:change', () => this.requestUpdate());
    graph.on('scale', ({ sx }) => {
      this.zoom = sx;
      this.requestUpdate();
    });
    graph.on('node:mouseenter', ({ node, e }) => {
      if (!isNote(node)) {
        this.showNodeTooltip(node, e as unknown as MouseEvent);
      }
    });
    graph.on('node:mouseleave', () => this.hideTooltip());
    graph.on('node:port:mouseenter', ({ node, port, e }) => this.showPortTooltip(node, port ?? null, e as unknown as MouseEvent));
    graph.on('node:port:mouseleave', () => this.hideTooltip());
    graph.on('blank:mousedown', () => this.hideTooltip());
    graph.on('node:mousedown', () => this.hideTooltip());

    container.addEventListener('mousemove', (e) => (this.pointer = { x: e.clientX, y: e.clientY }), true);
    const minimap = this.querySelector('.easel-minimap') as HTMLElement;
    this.overview = new Overview(minimap, graph, 180, 120);
    this.querySelector('.easel-stage')?.addEventListener('contextmenu', (e) => e.preventDefault());

    if (this.pendingGraph) {
      const pending = this.pendingGraph;
      this.pendingGraph = undefined;
      this.applyGraph(pending, false);
    }
  }

  private createNode(
    componentId: string,
    id: string,
    x: number,
    y: number,
    label: string | null,
    params: Record<string, unknown>,
  ): Node {
    const component = this.components.get(componentId);
    const inputs = component?.inputs ?? [];
    const outputs = component?.outputs ?? [];
    const clash = new Set(inputs.map((p) => p.name).filter((n) => outputs.some((o) => o.name === n)));
    const portItem = (group: 'in' | 'out', p: PortInfo) => ({
      // Ports are addressed by name; an input and an output of the same name get distinct ids.
      id: clash.has(p.name) ? `${group}:${p.name}` : p.name,
      group,
      data: { name: p.name, type: p.type, title: p.title },
      attrs: {
        circle: { stroke: PORT_COLORS[p.type], fill: group === 'out' ? PORT_COLORS[p.type] : '#ffffff' },
        // The port's name in the UI's language (Train / Test), drawn with a halo so it stays readable over edges.
        text: { text: p.title },
      },
    });
    const data: NodeData = { component: componentId, label, params, state: null, stateMessage: null, errors: [] };
    const graph = this.graph!;
    const node = graph.createNode({
      id,
      shape: 'easel-node',
      x,
      y,
      data,
      attrs: { stripe: { fill: this.stripeColor(component) } },
      ports: {
        items: [
          ...inputs.map((p) => portItem('in', p)),
          ...outputs.map((p) => portItem('out', p)),
        ],
      },
    });
    this.showLabel(node);
    return node;
  }

  /**
   * Writes the node's title: the component's title on up to two lines, or the user's label with the component's
   * title below it. SVG text does not clip, so what does not fit is cut with an ellipsis (the tooltip has it all).
   */
  private showLabel(node: Node): void {
    if (isNote(node)) {
      node.attr('label/text', node.getData<{ text: string }>().text ?? '', { decoration: true });
      return;
    }
    const data = node.getData<NodeData>();
    const title = this.components.get(data.component)?.title ?? data.component;
    const room = NODE_WIDTH - 14 - 30;
    const label = data.label;
    const lines = label ? [truncate(label, room, 13)] : wrap(title, room, 13, 2);
    node.attr(
      {
        title: {
          text: lines.join('\n'),
          y: label ? 17 : NODE_HEIGHT / 2,
          'data-full-title': label ?? title,
        },
        subtitle: { text: label ? truncate(title, room, 10.5) : '', visibility: label ? 'visible' : 'hidden', y: 34 },
      },
      { decoration: true },
    );
  }

  private stripeColor(component: PaletteComponent | undefined): string {
    const out = component?.outputs[0]?.type ?? component?.inputs[0]?.type;
    return out ? PORT_COLORS[out] : '#c5ccd8';
  }

  private portInfo(node: Cell | null | undefined, portId: string | null | undefined): (PortInfo & { group: string }) | null {
    if (!node || !node.isNode() || !portId) {
      return null;
    }
    const port = node.getPort(portId);
    if (!port) {
      return null;
    }
    const data = port.data as PortInfo | undefined;
    return data ? { ...data, group: port.group ?? '' } : null;
  }

  /**
   * Where the pointer last was over the stage, in local coordinates, or null when it never was. Converted now rather
   * than when the mouse moved: a pan or zoom since then keeps the point under the pointer, within the visible area.
   */
  private pointerOnGraph(): { x: number; y: number } | null {
    if (!this.pointer || !this.graph) {
      return null;
    }
    const p = this.graph.clientToLocal(this.pointer.x, this.pointer.y);
    return { x: p.x, y: p.y };
  }

  /** Whether the pointer is within snapping distance of a port. */
  private isUnderPointer(cell: Cell | null | undefined, portId: string | null | undefined): boolean {
    const p = this.pointerOnGraph();
    if (!cell || !cell.isNode() || !portId || !p) {
      return false;
    }
    const group = cell.getPort(portId)?.group;
    const at = group ? cell.getPortsPosition(group)[portId]?.position : undefined;
    if (!at) {
      return false;
    }
    const origin = cell.getPosition();
    return Math.hypot(origin.x + at.x - p.x, origin.y + at.y - p.y) <= 26;
  }

  /** A short notice at the top of the stage that goes away by itself: why a connection was refused. */
  private showNotice(text: string): void {
    window.clearTimeout(this.noticeTimer);
    this.notice = text;
    this.noticeTimer = window.setTimeout(() => {
      this.notice = null;
      this.requestUpdate();
    }, NOTICE_MS);
    this.requestUpdate();
  }

  /** Why an edge may not go from sourcePort to targetPort, or null when it may. */
  private connectionProblem(
    source: Cell | null | undefined,
    sourcePort: string | null | undefined,
    target: Cell | null | undefined,
    targetPort: string | null | undefined,
    edge: Edge | null | undefined,
  ): string | null {
    const from = this.portInfo(source, sourcePort);
    const to = this.portInfo(target, targetPort);
    if (!from || !to || from.group !== 'out' || to.group !== 'in' || !source || !target || source.id === target.id) {
      return 'invalid';
    }
    const t = this.texts();
    if (from.type !== to.type) {
      return t.wrongType.replace('{from}', from.type).replace('{to}', to.type);
    }
    const taken = this.graph!
      .getIncomingEdges(target)
      ?.some((e) => e !== edge && e.getTargetPortId() === targetPort && !!e.getSourceCellId());
    if (taken) {
      return t.portTaken;
    }
    if (this.reaches(target.id, source.id)) {
      return t.cycle;
    }
    return null;
  }

  /** Whether `to` can be reached from `from` along edges. */
  private reaches(from: string, to: string): boolean {
    const graph = this.graph!;
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (id === to) {
        return true;
      }
      if (seen.has(id)) {
        continue;
      }
      seen.add(id);
      const cell = graph.getCellById(id);
      for (const e of (cell && graph.getOutgoingEdges(cell)) || []) {
        const next = e.getTargetCellId();
        if (next) {
          stack.push(next);
        }
      }
    }
    return false;
  }

  private isComplete(edge: Edge): boolean {
    return !!edge.getSourceCellId() && !!edge.getTargetCellId() && !!edge.getSourcePortId() && !!edge.getTargetPortId();
  }

  private styleEdge(edge: Edge): void {
    edge.attr({ line: this.edgeLine(edge.getSourceCell(), edge.getSourcePortId()) }, { decoration: true });
  }

  /** An edge's line, in the colour of the port type it carries. */
  private edgeLine(source: Cell | null, sourcePort: string | undefined): Record<string, unknown> {
    const info = this.portInfo(source, sourcePort);
    const color = info ? PORT_COLORS[info.type] : '#8a94a6';
    return { stroke: color, strokeWidth: 1.8, targetMarker: { name: 'block', width: 8, height: 6 } };
  }

  private nextId(componentId: string): string {
    const prefix = `${componentId}-`;
    let max = 0;
    const consider = (id: string) => {
      if (id.startsWith(prefix)) {
        const n = Number(id.substring(prefix.length));
        if (Number.isInteger(n) && n > max) {
          max = n;
        }
      }
    };
    this.usedIds.forEach(consider);
    this.graph?.getNodes().forEach((n) => consider(n.id));
    const id = `${prefix}${max + 1}`;
    this.usedIds.add(id);
    return id;
  }

  /**
   * Starts dragging a palette item once the pointer has moved a few pixels with the button down: started at once,
   * X6's drag proxy covers the item and swallows the second click of a double click.
   */
  private startDrag(component: PaletteComponent, e: MouseEvent): void {
    if (e.button !== 0 || !this.dnd || !this.graph) {
      return;
    }
    const from = { x: e.clientX, y: e.clientY };
    const move = (m: MouseEvent) => {
      if (Math.hypot(m.clientX - from.x, m.clientY - from.y) < 4) {
        return;
      }
      stop();
      // The dragged preview; the dropped node gets its own id in getDropNode.
      const preview = this.createNode(component.id, `__drag-${component.id}`, 0, 0, null, {});
      this.dnd?.start(preview, m);
    };
    const stop = () => {
      document.removeEventListener('mousemove', move);
      document.removeEventListener('mouseup', stop);
    };
    document.addEventListener('mousemove', move);
    document.addEventListener('mouseup', stop);
  }

  /** Adds a node of `component` in free space in the visible area (near its centre) and selects it. */
  private addInView(component: PaletteComponent): void {
    const graph = this.graph;
    if (!graph) {
      return;
    }
    const area = graph.getGraphArea();
    const at = this.freeSpot(area.x + area.width / 2 - NODE_WIDTH / 2, area.y + area.height / 2 - NODE_HEIGHT / 2);
    const node = graph.addNode(this.createNode(component.id, this.nextId(component.id), at.x, at.y, null, {}));
    this.store.used(component.id);
    this.selection?.reset(node);
    this.requestUpdate();
  }

  /** The grid point nearest to (x, y), searching outwards ring by ring, where a new node overlaps no other. */
  private freeSpot(x: number, y: number): { x: number; y: number } {
    const boxes = this.graph!.getNodes().map((n) => n.getBBox().inflate(20, 16));
    const free = (px: number, py: number) =>
      !boxes.some((b) => px < b.x + b.width && px + NODE_WIDTH > b.x && py < b.y + b.height && py + NODE_HEIGHT > b.y);
    const snap = (v: number) => Math.round(v / 10) * 10;
    const stepX = NODE_WIDTH / 2;
    const stepY = NODE_HEIGHT + 20;
    for (let ring = 0; ring < 40; ring++) {
      for (let dy = -ring; dy <= ring; dy++) {
        for (let dx = -ring; dx <= ring; dx++) {
          if (Math.max(Math.abs(dx), Math.abs(dy)) === ring && free(x + dx * stepX, y + dy * stepY)) {
            return { x: snap(x + dx * stepX), y: snap(y + dy * stepY) };
          }
        }
      }
    }
    return { x: snap(x), y: snap(y) };
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Copy, paste, duplicate, layout

  private selectedNodes(): Node[] {
    return (this.selection?.getSelectedCells() ?? []).filter((c): c is Node => c.isNode());
  }

  /** The selected nodes with their params, and the edges between them. */
  private payloadOf(nodes: Node[]): ClipboardPayload {
    const ids = new Set(nodes.map((n) => n.id));
    const graph = this.currentGraph();
    return {
      format: 'easel-nodes/1',
      nodes: graph.nodes
        .filter((n) => ids.has(n.id))
        .map((n) => ({
          id: n.id,
          component: n.component,
          label: n.label ?? null,
          params: n.params ?? {},
          position: n.position ?? { x: 0, y: 0 },
        })),
      edges: graph.edges.filter((e) => ids.has(e.from.node) && ids.has(e.to.node)),
    };
  }

  private copySelection(): void {
    const nodes = this.selectedNodes();
    if (nodes.length > 0) {
      writeClipboard(this.payloadOf(nodes));
    }
  }

  private duplicateSelection(): void {
    const nodes = this.selectedNodes();
    if (nodes.length > 0) {
      this.paste(this.payloadOf(nodes), null);
    }
  }

  /**
   * Adds copies of the payload's nodes (new ids, same params and labels) and of the edges between them, as one undo
   * step, and selects them. They go `at` (the copied group's top-left corner: the pointer for Ctrl+V, the clicked
   * point for the menu), or next to the originals when these are on this canvas, or into the middle of the view.
   */
  private paste(payload: ClipboardPayload | null, at: { x: number; y: number } | null): void {
    const graph = this.graph;
    if (!graph || !payload || payload.nodes.length === 0) {
      return;
    }
    const known = payload.nodes.filter((n) => this.components.has(n.component));
    if (known.length === 0) {
      return;
    }
    const left = Math.min(...known.map((n) => n.position.x));
    const top = Math.min(...known.map((n) => n.position.y));
    let origin = at;
    if (!origin) {
      const originalsHere = known.some((n) => graph.getCellById(n.id));
      if (originalsHere) {
        origin = { x: left + PASTE_OFFSET, y: top + PASTE_OFFSET };
      } else {
        const area = graph.getGraphArea();
        origin = { x: area.x + area.width / 3, y: area.y + area.height / 4 };
      }
    }
    const newIds = new Map<string, string>();
    graph.startBatch('paste');
    const added: Cell[] = [];
    try {
      for (const n of known) {
        const id = this.nextId(n.component);
        newIds.set(n.id, id);
        const x = Math.round((origin.x + n.position.x - left) / 10) * 10;
        const y = Math.round((origin.y + n.position.y - top) / 10) * 10;
        added.push(graph.addNode(this.createNode(n.component, id, x, y, n.label, n.params ?? {})));
      }
      for (const e of payload.edges) {
        const from = graph.getCellById(newIds.get(e.from.node) ?? '');
        const to = graph.getCellById(newIds.get(e.to.node) ?? '');
        if (from?.isNode() && to?.isNode()) {
          const edge = graph.addEdge({
            source: { cell: from.id, port: this.portId(from, 'out', e.from.port) },
            target: { cell: to.id, port: this.portId(to, 'in', e.to.port) },
            zIndex: -1,
          });
          this.styleEdge(edge);
          added.push(edge);
        }
      }
    } finally {
      graph.stopBatch('paste');
    }
    this.selection?.reset(added.filter((c) => c.isNode()));
  }

  private createNote(id: string, x: number, y: number, text: string): Node {
    return this.graph!.createNode({
      id,
      shape: NOTE_SHAPE,
      x,
      y,
      data: { text },
      attrs: { label: { text } },
    });
  }

  /** Adds an empty comment at `at` (local coordinates) and opens it for writing. */
  private addNote(at: { x: number; y: number }): void {
    const graph = this.graph!;
    const note = graph.addNode(this.createNote(this.nextId('note'), Math.round(at.x / 10) * 10, Math.round(at.y / 10) * 10, ''));
    this.selection?.reset(note);
    this.startRename(note);
  }

  /** Lays the graph out in layers, top-down like the ports, as one undo step; then fits it into view. */
  private autoLayout(): void {
    const graph = this.graph;
    const nodes = graph?.getNodes().filter((n) => !isNote(n)) ?? [];
    if (!graph || nodes.length === 0) {
      return;
    }
    // Notes stay where the user put them: what they are next to is not known.
    const positions = layeredLayout(
      nodes.map((n) => ({ id: n.id, width: n.getSize().width, height: n.getSize().height })),
      graph.getEdges().filter((e) => this.isComplete(e)).map((e) => ({ from: e.getSourceCellId(), to: e.getTargetCellId() })),
      { nodeGap: 40, layerGap: 70, origin: { x: 40, y: 40 } },
    );
    graph.startBatch('layout');
    try {
      nodes.forEach((n) => {
        const p = positions.get(n.id);
        if (p) {
          n.setPosition(p.x, p.y);
        }
      });
    } finally {
      graph.stopBatch('layout');
    }
    this.fit();
  }

  private toggleMinimap(): void {
    this.minimapShown = !this.minimapShown;
    this.overview?.schedule();
    this.requestUpdate();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Keys, menus, overlays

  /** Whether a key event is the canvas's: not typed into a field or a dialog, and this canvas is on screen. */
  private ownsKey(e: KeyboardEvent): boolean {
    if (!this.isConnected || this.offsetParent === null || this.renaming) {
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
        return target.closest('easel-canvas') === this;
      }
    }
    // Copying text the user selected on the page is the browser's.
    const text = window.getSelection();
    return !(e.key.toLowerCase() === 'c' && text && !text.isCollapsed);
  }

  private closePopups(): void {
    if (this.menu || this.helpShown) {
      this.menu = null;
      this.helpShown = null;
      this.requestUpdate();
    }
  }

  private stagePoint(e: MouseEvent): { x: number; y: number } {
    const box = (this.querySelector('.easel-stage') as HTMLElement).getBoundingClientRect();
    return { x: e.clientX - box.left, y: e.clientY - box.top };
  }

  private openMenu(e: MouseEvent, items: MenuItem[]): void {
    e.preventDefault();
    this.hideTooltip();
    this.helpShown = null;
    const stage = (this.querySelector('.easel-stage') as HTMLElement).getBoundingClientRect();
    const at = this.stagePoint(e);
    // Kept inside the stage: a menu opened near the right or bottom edge opens leftwards or upwards.
    const x = Math.min(at.x, stage.width - 220);
    const y = Math.min(at.y, stage.height - 34 * items.length - 12);
    this.menu = { x: Math.max(4, x), y: Math.max(4, y), items };
    this.requestUpdate();
  }

  private openNodeMenu(node: Node, e: MouseEvent): void {
    if (!this.selectedIds.includes(node.id)) {
      this.selection?.reset(node);
    }
    const t = this.texts();
    if (isNote(node)) {
      this.openMenu(e, [
        { label: t.editNote, action: () => this.startRename(node) },
        { label: t.delete, action: () => this.removeSelection(), shortcut: 'Del' },
      ]);
      return;
    }
    const component = this.components.get(node.getData<NodeData>().component);
    const run = (command: string) => () => this.$server?.nodeCommand(command, node.id);
    this.openMenu(e, [
      { label: t.viewOutput, action: () => this.$server?.nodeCommand('output', node.id) },
      { label: t.rename, action: () => this.startRename(node), shortcut: 'F2' },
      { label: t.duplicate, action: () => this.duplicateSelection(), shortcut: 'Ctrl+D' },
      { label: t.copy, action: () => this.copySelection(), shortcut: 'Ctrl+C' },
      { label: t.delete, action: () => this.removeSelection(), shortcut: 'Del' },
      { label: '' },
      { label: t.runThis, action: run('run-only') },
      { label: t.runFrom, action: run('run-from') },
      { label: t.runTo, action: run('run-to') },
      { label: '' },
      { label: t.componentHelp, action: () => component && this.showComponentHelp(component) },
    ]);
  }

  private openEdgeMenu(edge: Edge, e: MouseEvent): void {
    this.selection?.reset(edge);
    const t = this.texts();
    this.openMenu(e, [{ label: t.deleteEdge, action: () => this.removeSelection(), shortcut: 'Del' }]);
  }

  private openCanvasMenu(e: MouseEvent, at: { x: number; y: number }): void {
    const t = this.texts();
    const clipboard = readClipboard();
    this.openMenu(e, [
      {
        label: t.paste,
        shortcut: 'Ctrl+V',
        ...(clipboard ? { action: () => this.paste(clipboard, at) } : { disabledReason: t.paste }),
      },
      { label: t.addNote, action: () => this.addNote(at) },
      { label: t.selectAll, action: () => this.selection?.reset(this.graph!.getNodes()), shortcut: 'Ctrl+A' },
      { label: t.layout, action: () => this.autoLayout(), shortcut: 'Shift+L' },
      { label: t.fit, action: () => this.fit() },
    ]);
  }

  private startRename(node: Node): void {
    const graph = this.graph!;
    const data = node.getData<NodeData>();
    const box = graph.localToGraph(node.getBBox());
    this.closePopups();
    this.renaming = isNote(node)
      ? { nodeId: node.id, x: box.x, y: box.y, width: Math.max(NOTE_WIDTH, box.width), value: node.getData<{ text: string }>().text ?? '', note: true }
      : {
          nodeId: node.id,
          x: box.x,
          y: box.y + box.height / 2 - 16,
          width: Math.max(160, box.width),
          value: data.label ?? this.components.get(data.component)?.title ?? '',
          note: false,
        };
    this.requestUpdate();
    this.updateComplete.then(() => {
      const input = this.querySelector('.easel-rename') as HTMLInputElement | HTMLTextAreaElement | null;
      input?.focus();
      input?.select();
    });
  }

  /** A label equal to the component's title, or blank, means no label. */
  private finishRename(value: string): void {
    const r = this.renaming;
    this.renaming = null;
    this.requestUpdate();
    const node = r && this.graph?.getCellById(r.nodeId);
    if (!node || !node.isNode()) {
      return;
    }
    if (isNote(node)) {
      const text = value.substring(0, NOTE_MAX_LENGTH);
      if (text !== node.getData<{ text: string }>().text) {
        node.setData({ text }, { overwrite: true });
      }
      return;
    }
    const data = node.getData<NodeData>();
    const title = this.components.get(data.component)?.title;
    const label = value.trim() === '' || value.trim() === title ? null : value.trim();
    if (label !== (data.label ?? null)) {
      node.setData({ ...data, label }, { overwrite: true });
    }
  }

  private showShortcuts(): void {
    const t = this.texts();
    this.menu = null;
    this.helpShown = {
      title: t.shortcuts,
      keys: true,
      rows: [
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
      ],
    };
    this.requestUpdate();
  }

  private showComponentHelp(c: PaletteComponent): void {
    const t = this.texts();
    const ports = (list: PortInfo[]) => list.map((p) => `${p.title} (${p.type})`).join(', ') || '—';
    this.helpShown = {
      title: c.title,
      keys: false,
      rows: [
        [t.description, c.description],
        [t.inputs, ports(c.inputs)],
        [t.outputs, ports(c.outputs)],
        ['id', c.id],
      ],
    };
    this.requestUpdate();
  }

  private removeSelection(): void {
    const cells = this.selection?.getSelectedCells() ?? [];
    if (cells.length > 0 && this.graph) {
      this.graph.startBatch('delete');
      this.graph.removeCells(cells);
      this.graph.stopBatch('delete');
    }
  }

  private zoomBy(delta: number): void {
    this.graph?.zoom(delta, { minScale: 0.25, maxScale: 2.5 });
  }

  private fit(): void {
    const graph = this.graph;
    if (!graph) {
      return;
    }
    if (graph.getNodes().length === 0) {
      graph.zoomTo(1);
      graph.translate(0, 0);
      return;
    }
    graph.zoomToFit({ padding: 40, maxScale: 1.25, minScale: 0.25 });
  }

  private onSelectionChanged(): void {
    const selected = this.selection?.getSelectedCells() ?? [];
    this.selectedIds = selected.map((c) => c.id);
    // A selected edge is drawn wider and darker, so that Delete visibly applies to it.
    this.graph?.getEdges().forEach((edge) => {
      const on = this.selectedIds.includes(edge.id);
      edge.attr({ line: { strokeWidth: on ? 3.5 : 1.8, 'data-selected': on ? 'true' : null } }, { decoration: true });
      if (on) {
        edge.attr('line/stroke', SELECTED_COLOR, { decoration: true });
      } else {
        this.styleEdge(edge);
      }
    });
    this.decorateAll();
    this.requestUpdate();
    if (this.applying > 0) {
      return;
    }
    const nodes = selected.filter((c) => c.isNode());
    const id = nodes.length === 1 ? nodes[0].id : null;
    this.$server?.nodeSelected(id);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Server graph <-> X6 model

  /**
   * Replaces what is drawn with `graph`. When it has the nodes and edges already drawn, only labels are taken from it
   * and the undo history survives; positions stay the canvas's own, since the user may have moved a node after the
   * server made its copy, and the server is sent them if they differ.
   */
  private applyGraph(graph: CanvasGraph, force: boolean): void {
    const arrived = performance.now();
    const x6 = this.graph!;
    const current = this.currentGraph();
    graph.nodes.forEach((n) => this.usedIds.add(n.id));
    if (!force && sameStructure(current, graph)) {
      this.applying++;
      try {
        for (const n of graph.nodes) {
          const cell = x6.getCellById(n.id);
          if (cell && cell.isNode()) {
            this.updateNodeData(cell, n.label ?? null, n.params ?? {});
          }
        }
      } finally {
        this.applying--;
      }
      if (samePositions(current, graph)) {
        this.lastEmitted = JSON.stringify(this.currentGraph());
      } else {
        this.lastEmitted = '';
        this.scheduleEmit();
      }
      return;
    }
    this.applying++;
    try {
      x6.startBatch('server');
      const cells: Cell[] = graph.nodes.map((n) =>
        this.createNode(n.component, n.id, n.position?.x ?? 0, n.position?.y ?? 0, n.label ?? null, n.params ?? {}),
      );
      for (const note of graph.notes ?? []) {
        cells.push(this.createNote(note.id, note.position?.x ?? 0, note.position?.y ?? 0, note.text));
      }
      // Decorated and styled before they are added: each change of a drawn cell redraws it, and with hundreds of
      // cells those redraws took seconds. The nodes and edges then go in with one reset.
      const nodes = new Map<string, Node>();
      for (const cell of cells) {
        this.decorate(cell as Node);
        nodes.set(cell.id, cell as Node);
      }
      for (const e of graph.edges) {
        const from = nodes.get(e.from.node);
        const to = nodes.get(e.to.node);
        if (!from || !to) {
          continue;
        }
        const sourcePort = this.portId(from, 'out', e.from.port);
        cells.push(
          x6.createEdge({
            source: { cell: e.from.node, port: sourcePort },
            target: { cell: e.to.node, port: this.portId(to, 'in', e.to.port) },
            zIndex: -1,
            attrs: { line: this.edgeLine(from, sourcePort) },
          }),
        );
      }
      x6.resetCells(cells);
      x6.stopBatch('server');
      this.history?.clean();
      this.decorateAll();
    } finally {
      this.applying--;
    }
    this.lastEmitted = JSON.stringify(this.currentGraph());
    this.requestUpdate();
    if (!force) {
      requestAnimationFrame(() => {
        this.fitIfOutside();
        performance.measure(GRAPH_SHOWN, {
          start: arrived,
          detail: { nodes: graph.nodes.length, edges: graph.edges.length },
        });
      });
    }
  }

  /** After loading a graph, brings it into view when it lies (partly) outside the visible area. */
  private fitIfOutside(): void {
    const graph = this.graph;
    if (!graph || graph.getNodes().length === 0) {
      return;
    }
    const content = graph.getContentBBox();
    const area = graph.getGraphArea();
    if (!area.containsRect(content)) {
      graph.zoomToFit({ padding: 40, maxScale: 1, minScale: 0.25 });
    }
  }

  /**
   * Takes the label and params the server sent for a node. A change is an edit the user made in the side panel:
   * recorded by the undo history (so Ctrl+Z reverts a param edit like a graph edit), not sent back.
   */
  private updateNodeData(node: Node, label: string | null, params: Record<string, unknown>): void {
    const data = node.getData<NodeData>();
    if ((data.label ?? null) === label && JSON.stringify(data.params ?? {}) === JSON.stringify(params)) {
      return;
    }
    node.setData({ ...data, label, params }, { overwrite: true });
  }

  private portId(node: Node, group: 'in' | 'out', name: string): string {
    const match = node.getPorts().find((p) => p.group === group && (p.data as PortInfo | undefined)?.name === name);
    return match?.id ?? name;
  }

  /** The structure the user sees, in the shape the server reads. */
  private currentGraph(): CanvasGraph {
    const graph = this.graph;
    if (!graph) {
      return this.pendingGraph ?? { nodes: [], edges: [], notes: [] };
    }
    const notes: GraphNote[] = graph
      .getNodes()
      .filter(isNote)
      .map((n) => ({
        id: n.id,
        text: n.getData<{ text: string }>().text ?? '',
        position: { x: Math.round(n.getPosition().x), y: Math.round(n.getPosition().y) },
      }));
    const nodes: GraphNode[] = graph
      .getNodes()
      .filter((n) => !n.id.startsWith('__drag-') && !isNote(n))
      .map((n) => {
        const p = n.getPosition();
        const data = n.getData<NodeData>();
        return {
          id: n.id,
          component: data.component,
          label: data.label,
          params: data.params ?? {},
          position: { x: Math.round(p.x), y: Math.round(p.y) },
        };
      });
    const edges: GraphEdge[] = graph
      .getEdges()
      .filter((e) => this.isComplete(e))
      .map((e) => ({
        from: { node: e.getSourceCellId(), port: this.portName(e.getSourceCell(), e.getSourcePortId()) },
        to: { node: e.getTargetCellId(), port: this.portName(e.getTargetCell(), e.getTargetPortId()) },
      }));
    return { nodes, edges, notes };
  }

  private portName(node: Cell | null, portId: string | undefined): string {
    return this.portInfo(node, portId)?.name ?? portId ?? '';
  }

  private scheduleEmit(): void {
    window.clearTimeout(this.emitTimer);
    this.emitTimer = window.setTimeout(() => this.flushEmit(), EMIT_DELAY_MS);
  }

  private flushEmit(): void {
    window.clearTimeout(this.emitTimer);
    this.emitTimer = undefined;
    if (!this.graph) {
      return;
    }
    const json = JSON.stringify(this.currentGraph());
    if (json !== this.lastEmitted) {
      this.lastEmitted = json;
      this.$server?.graphChanged(json);
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Revision diff marks: a data-diff attribute on each marked node's body, styled by the studio's stylesheet
  // (added green, removed red and ghosted, changed amber). Marks apply to the nodes shown now: send them again after
  // setGraph.

  /** {nodeId: 'added' | 'removed' | 'changed'} as JSON; '{}' clears every mark. */
  markNodes(json: string): void {
    const marks = JSON.parse(json) as Record<string, string>;
    this.graph?.getNodes().forEach((node) =>
      node.attr('body/data-diff', marks[node.id] ?? null, { decoration: true }),
    );
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Decoration: run state, validation errors, selection

  private decorateAll(): void {
    const nodeIds = new Set(this.graph?.getNodes().map((n) => n.id) ?? []);
    this.graphErrors = this.errors.filter((e) => !e.nodeId || !nodeIds.has(e.nodeId)).map((e) => e.message);
    this.graph?.getNodes().forEach((n) => this.decorate(n));
    this.requestUpdate();
  }

  private decorate(node: Node): void {
    if (isNote(node)) {
      return;
    }
    const run = this.states.get(node.id) ?? null;
    const errors = this.errors.filter((e) => e.nodeId === node.id).map((e) => e.message);
    const selected = this.selectedIds.includes(node.id);
    const state = run?.state ?? null;
    const hasError = errors.length > 0;
    const stale = this.stale.get(node.id) ?? null;
    let stroke = '#c5ccd8';
    let strokeWidth = 1;
    let dash: string | null = null;
    if (state) {
      stroke = STATE_COLORS[state];
      strokeWidth = 1.6;
      dash = state === 'queued' || state === 'skipped' ? '4 3' : state === 'not_in_run' ? '2 3' : null;
    }
    if (hasError) {
      stroke = ERROR_COLOR;
      strokeWidth = 2;
      dash = null;
    }
    const progress = state === 'running' ? this.progress.get(node.id) : undefined;
    const barWidth =
      progress && progress.fraction >= 0 ? Math.max(2, (NODE_WIDTH - 12) * Math.min(1, progress.fraction)) : 0;
    const data = node.getData<NodeData>();
    node.setData({ ...data, state, stateMessage: run?.message ?? null, errors, stale }, { silent: true, decoration: true });
    const decoration = {
      halo: { visibility: selected ? 'visible' : 'hidden' },
      body: {
        stroke,
        strokeWidth,
        strokeDasharray: dash,
        // Stable hook for tests and CSS: the run state of this node.
        'data-state': state,
        'data-invalid': hasError ? 'true' : null,
        'data-stale': stale !== null ? 'true' : null,
        'data-progress': barWidth > 0 && progress ? String(Math.round(progress.fraction * 100)) : null,
        fill: state === 'skipped' || state === 'not_in_run' ? '#f3f4f6' : '#ffffff',
      },
      status: {
        visibility: state && state !== 'not_in_run' ? 'visible' : 'hidden',
        fill: state && state !== 'running' ? STATE_COLORS[state] : 'none',
        stroke: state === 'running' ? STATE_COLORS.running : 'none',
        strokeWidth: state === 'running' ? 2.2 : 0,
        'data-spin': state === 'running' ? 'true' : null,
      },
      progress: { width: barWidth, visibility: barWidth > 0 ? 'visible' : 'hidden' },
      statusGlyph: { d: state ? STATE_GLYPHS[state] || 'M 0 0' : 'M 0 0', visibility: state ? 'visible' : 'hidden' },
      errorBadge: { visibility: hasError ? 'visible' : 'hidden' },
      errorMark: { visibility: hasError ? 'visible' : 'hidden' },
      staleBadge: { visibility: stale !== null ? 'visible' : 'hidden' },
      staleMark: { visibility: stale !== null ? 'visible' : 'hidden' },
    };
    // Setting attributes redraws the node even when they are the same: selecting one of 300 nodes redrew them all.
    const key = JSON.stringify(decoration);
    if (this.decorations.get(node) !== key) {
      this.decorations.set(node, key);
      node.attr(decoration, { decoration: true });
    }
    if (this.tooltip?.nodeId === node.id) {
      this.tooltip = { ...this.tooltip, lines: this.nodeTooltipLines(node) };
      this.requestUpdate();
    }
  }

  private showNodeTooltip(node: Node, e: MouseEvent): void {
    this.placeTooltip(e, this.nodeTooltipLines(node));
    if (this.tooltip) {
      this.tooltip.nodeId = node.id;
    }
  }

  private nodeTooltipLines(node: Node): { text: string; error: boolean }[] {
    const data = node.getData<NodeData>();
    const title = this.components.get(data.component)?.title ?? data.component;
    // The full title first: on the node it may be cut.
    const lines = [{ text: data.label ? `${data.label} · ${title}` : title, error: false }];
    if (data.state && data.stateMessage) {
      lines.push({ text: data.stateMessage, error: data.state === 'failed' });
    }
    if (data.stale) {
      lines.push({ text: `${this.texts().stale}: ${data.stale}`, error: false });
    }
    const progress = data.state === 'running' ? this.progress.get(node.id) : undefined;
    if (progress) {
      lines.push({ text: progress.text, error: false });
    }
    data.errors.forEach((m) => lines.push({ text: m, error: true }));
    return lines;
  }

  private showPortTooltip(node: Node, portId: string | null, e: MouseEvent): void {
    const info = this.portInfo(node, portId);
    if (!info) {
      return;
    }
    const direction = info.group === 'in' ? this.texts().inputs : this.texts().outputs;
    this.placeTooltip(e, [{ text: `${info.title} · ${info.type} (${direction})`, error: false }]);
  }

  private placeTooltip(e: MouseEvent, lines: { text: string; error: boolean }[]): void {
    const stage = this.querySelector('.easel-stage') as HTMLElement | null;
    if (!stage) {
      return;
    }
    const box = stage.getBoundingClientRect();
    this.tooltip = { x: e.clientX - box.left + 12, y: e.clientY - box.top + 14, lines };
    this.requestUpdate();
  }

  private hideTooltip(): void {
    if (this.tooltip) {
      this.tooltip = null;
      this.requestUpdate();
    }
  }
}

/** Same nodes (id and component), edges and notes; positions, labels and params aside. */
function sameStructure(a: CanvasGraph, b: CanvasGraph): boolean {
  const key = (g: CanvasGraph) =>
    JSON.stringify({
      nodes: g.nodes.map((n) => `${n.id}:${n.component}`).sort(),
      edges: g.edges.map((e) => `${e.from.node}.${e.from.port}>${e.to.node}.${e.to.port}`).sort(),
      notes: (g.notes ?? []).map((n) => `${n.id}:${n.text}`).sort(),
    });
  return key(a) === key(b);
}

function samePositions(a: CanvasGraph, b: CanvasGraph): boolean {
  const key = (g: CanvasGraph) =>
    JSON.stringify(g.nodes.map((n) => [n.id, Math.round(n.position?.x ?? 0), Math.round(n.position?.y ?? 0)]).sort());
  return key(a) === key(b);
}

function charWidth(ch: string): number {
  return /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 1.85 : /[A-Z]/.test(ch) ? 1.2 : 1;
}

/** Cuts text to about `width` pixels at `fontSize`, adding an ellipsis (CJK characters count double). */
function truncate(text: string, width: number, fontSize: number): string {
  const budget = width / (fontSize * 0.55);
  let used = 0;
  let out = '';
  for (const ch of text) {
    const w = charWidth(ch);
    if (used + w > budget) {
      return out.trimEnd() + '…';
    }
    used += w;
    out += ch;
  }
  return out;
}

/**
 * Breaks text into at most `maxLines` lines of about `width` pixels, at spaces where it can (anywhere in CJK text);
 * the last line is cut with an ellipsis when the text does not fit.
 */
function wrap(text: string, width: number, fontSize: number, maxLines: number): string[] {
  const budget = width / (fontSize * 0.55);
  const lines: string[] = [];
  let rest = text.trim();
  while (rest.length > 0 && lines.length < maxLines - 1) {
    let used = 0;
    let end = 0;
    let lastSpace = -1;
    for (const ch of rest) {
      if (used + charWidth(ch) > budget) {
        break;
      }
      used += charWidth(ch);
      end += ch.length;
      if (ch === ' ') {
        lastSpace = end - 1;
      }
    }
    if (end >= rest.length) {
      break;
    }
    const cut = lastSpace > 0 ? lastSpace : end;
    lines.push(rest.substring(0, cut).trimEnd());
    rest = rest.substring(cut).trimStart();
  }
  if (rest.length > 0) {
    lines.push(truncate(rest, width, fontSize));
  }
  return lines;
}

if (!customElements.get('easel-canvas')) {
  customElements.define('easel-canvas', EaselCanvas);
}

declare global {
  interface HTMLElementTagNameMap {
    'easel-canvas': EaselCanvas;
  }
}
