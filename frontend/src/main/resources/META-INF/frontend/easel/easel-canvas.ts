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

type PortType = 'table' | 'model' | 'report';
type NodeState = 'queued' | 'running' | 'succeeded' | 'failed' | 'skipped';

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

interface CanvasGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
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
  state: NodeState | null;
  stateMessage: string | null;
  errors: string[];
}

interface ServerConnector {
  graphChanged(json: string): void;
  nodeSelected(nodeId: string | null): void;
}

const NODE_WIDTH = 190;
const NODE_HEIGHT = 44;
const EMIT_DELAY_MS = 250;

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
};

/** Small white glyphs drawn inside the status dot, on a 12x12 box centred at 0,0. */
const STATE_GLYPHS: Record<NodeState, string> = {
  queued: 'M 0 -3.5 L 0 0 L 2.5 1.5',
  running: '',
  succeeded: 'M -3 0 L -1 2.5 L 3.2 -2.5',
  failed: 'M -2.5 -2.5 L 2.5 2.5 M 2.5 -2.5 L -2.5 2.5',
  skipped: 'M -3 0 L 3 0',
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
    attrs: {
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
        { tagName: 'text', selector: 'title' },
        { tagName: 'text', selector: 'subtitle' },
        { tagName: 'circle', selector: 'status' },
        { tagName: 'path', selector: 'statusGlyph' },
        { tagName: 'circle', selector: 'errorBadge' },
        { tagName: 'text', selector: 'errorMark' },
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
      },
      ports: {
        groups: { in: port('in'), out: port('out') },
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
  private errors: ValidationError[] = [];
  private graphErrors: string[] = [];
  private tooltip: { x: number; y: number; lines: { text: string; error: boolean }[] } | null = null;
  private zoom = 1;
  private selectedIds: string[] = [];
  private resizeObserver?: ResizeObserver;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    ensureStyles();
    registerShapes();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
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
    const graph: CanvasGraph = { nodes: parsed.nodes ?? [], edges: parsed.edges ?? [] };
    if (!this.graph) {
      this.pendingGraph = graph;
      return;
    }
    this.applyGraph(graph, false);
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

  clearNodeStates(): void {
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
        </div>
        ${this.graphErrors.length > 0
          ? html`<div class="easel-banner">${this.graphErrors.map((m) => html`<div>${m}</div>`)}</div>`
          : nothing}
        ${this.tooltip
          ? html`<div class="easel-tooltip" style="left:${this.tooltip.x}px;top:${this.tooltip.y}px">
              ${this.tooltip.lines.map((l) => html`<div class=${l.error ? 'error' : ''}>${l.text}</div>`)}
            </div>`
          : nothing}
      </div>
    `;
  }

  private renderPalette(): TemplateResult {
    const q = this.query.trim().toLowerCase();
    const sections = this.palette.categories
      .map((category) => ({
        category,
        items: category.components.filter((c) => q === '' || this.matchesQuery(c, q)),
      }))
      .filter((s) => s.items.length > 0);
    if (sections.length === 0) {
      return html`<div class="easel-palette-empty">${this.components.size > 0 ? this.texts().noMatches : ''}</div>`;
    }
    return html`${sections.map(
      (s) => html`
        <details class="easel-palette-category" data-category=${s.category.id} ?open=${true}>
          <summary>${s.category.title}<span class="easel-palette-count">${s.items.length}</span></summary>
          ${s.items.map((c) => this.renderItem(c))}
        </details>
      `,
    )}`;
  }

  private renderItem(c: PaletteComponent): TemplateResult {
    const tip = [c.description, c.id].filter((x) => !!x).join('\n');
    return html`<div
      class="easel-palette-item"
      tabindex="0"
      data-component-id=${c.id}
      title=${tip}
      @mousedown=${(e: MouseEvent) => this.startDrag(c, e)}
      @dblclick=${() => this.addAtCenter(c)}
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Enter') {
          this.addAtCenter(c);
        }
      }}
    >
      <span class="easel-palette-item-title">${c.title}</span>
      <span class="easel-port-dots">
        ${c.inputs.map((p) => html`<span class="easel-port-dot" style="color:${PORT_COLORS[p.type]}"></span>`)}
        ${c.outputs.map((p) => html`<span class="easel-port-dot out" style="color:${PORT_COLORS[p.type]}"></span>`)}
      </span>
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
        validateConnection: (args) => this.canConnect(args.sourceCell, args.sourcePort, args.targetCell, args.targetPort, args.edge),
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
      rubberband: true,
      modifiers: 'shift',
      movable: true,
      showNodeSelectionBox: false,
      showEdgeSelectionBox: false,
      pointerEvents: 'none',
    });
    graph.use(this.selection);
    graph.use(new Snapline({ enabled: true, sharp: true }));
    graph.use(new Keyboard({ enabled: true, global: false }));
    this.history = new History({
      enabled: true,
      // Run states, validation marks and selection halos are decoration, not edits.
      beforeAddCommand: (_event: string, args: unknown) =>
        !((args as { options?: { decoration?: boolean } }).options?.decoration),
    });
    graph.use(this.history);
    this.dnd = new Dnd({
      target: graph,
      scaled: false,
      getDragNode: (node: Node) => node.clone({ keepId: true }),
      getDropNode: (node: Node) => this.createNode(node.getData<NodeData>().component, this.nextId(node.getData<NodeData>().component), 0, 0, null),
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
    });
    graph.on('node:removed', () => {
      edited();
      this.requestUpdate();
    });
    graph.on('node:change:position', edited);
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
    graph.on('edge:mouseenter', ({ edge }) => {
      edge.addTools({ name: 'button-remove', args: { distance: '50%' } });
    });
    graph.on('edge:mouseleave', ({ edge }) => {
      edge.removeTools();
    });
    graph.on('selection:changed', () => this.onSelectionChanged());
    graph.on('history:change', () => this.requestUpdate());
    graph.on('scale', ({ sx }) => {
      this.zoom = sx;
      this.requestUpdate();
    });
    graph.on('node:mouseenter', ({ node, e }) => this.showNodeTooltip(node, e as unknown as MouseEvent));
    graph.on('node:mouseleave', () => this.hideTooltip());
    graph.on('node:port:mouseenter', ({ node, port, e }) => this.showPortTooltip(node, port ?? null, e as unknown as MouseEvent));
    graph.on('node:port:mouseleave', () => this.hideTooltip());
    graph.on('blank:mousedown', () => this.hideTooltip());
    graph.on('node:mousedown', () => this.hideTooltip());

    if (this.pendingGraph) {
      const pending = this.pendingGraph;
      this.pendingGraph = undefined;
      this.applyGraph(pending, false);
    }
  }

  private createNode(componentId: string, id: string, x: number, y: number, label: string | null): Node {
    const component = this.components.get(componentId);
    const title = component?.title ?? componentId;
    const inputs = component?.inputs ?? [];
    const outputs = component?.outputs ?? [];
    const clash = new Set(inputs.map((p) => p.name).filter((n) => outputs.some((o) => o.name === n)));
    const portItem = (group: 'in' | 'out', p: PortInfo) => ({
      // Ports are addressed by name; an input and an output of the same name get distinct ids.
      id: clash.has(p.name) ? `${group}:${p.name}` : p.name,
      group,
      data: { name: p.name, type: p.type, title: p.title },
      attrs: { circle: { stroke: PORT_COLORS[p.type], fill: group === 'out' ? PORT_COLORS[p.type] : '#ffffff' } },
    });
    const data: NodeData = { component: componentId, label, state: null, stateMessage: null, errors: [] };
    const graph = this.graph!;
    const node = graph.createNode({
      id,
      shape: 'easel-node',
      x,
      y,
      data,
      attrs: {
        title: { text: label || title, y: label ? 16 : NODE_HEIGHT / 2 },
        subtitle: { text: label ? title : '', visibility: label ? 'visible' : 'hidden' },
        stripe: { fill: this.stripeColor(component) },
      },
      ports: {
        items: [...inputs.map((p) => portItem('in', p)), ...outputs.map((p) => portItem('out', p))],
      },
    });
    this.fitLabel(node, label || title, label ? title : '');
    return node;
  }

  /** Shortens the texts so they stay inside the node (SVG text does not clip). */
  private fitLabel(node: Node, title: string, subtitle: string): void {
    const room = NODE_WIDTH - 14 - 30;
    node.attr('title/text', truncate(title, room, 13), { decoration: true });
    if (subtitle) {
      node.attr('subtitle/text', truncate(subtitle, room, 10.5), { decoration: true });
    }
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

  private canConnect(
    source: Cell | null | undefined,
    sourcePort: string | null | undefined,
    target: Cell | null | undefined,
    targetPort: string | null | undefined,
    edge: Edge | null | undefined,
  ): boolean {
    return this.connectionProblem(source, sourcePort, target, targetPort, edge) === null;
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
    const source = edge.getSourceCell();
    const info = this.portInfo(source, edge.getSourcePortId());
    const color = info ? PORT_COLORS[info.type] : '#8a94a6';
    edge.attr(
      { line: { stroke: color, strokeWidth: 1.8, targetMarker: { name: 'block', width: 8, height: 6 } } },
      { decoration: true },
    );
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

  private startDrag(component: PaletteComponent, e: MouseEvent): void {
    if (e.button !== 0 || !this.dnd || !this.graph) {
      return;
    }
    // The dragged preview; the dropped node gets its own id in getDropNode.
    const preview = this.createNode(component.id, `__drag-${component.id}`, 0, 0, null);
    this.dnd.start(preview, e);
  }

  private addAtCenter(component: PaletteComponent): void {
    const graph = this.graph;
    if (!graph) {
      return;
    }
    const area = graph.getGraphArea();
    const x = Math.round((area.x + area.width / 2 - NODE_WIDTH / 2) / 10) * 10;
    const y = Math.round((area.y + area.height / 2 - NODE_HEIGHT / 2) / 10) * 10;
    let offset = 0;
    while (graph.getNodes().some((n) => n.getPosition().x === x + offset && n.getPosition().y === y + offset)) {
      offset += 20;
    }
    graph.addNode(this.createNode(component.id, this.nextId(component.id), x + offset, y + offset, null));
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
    const x6 = this.graph!;
    const current = this.currentGraph();
    graph.nodes.forEach((n) => this.usedIds.add(n.id));
    if (!force && sameStructure(current, graph)) {
      this.applying++;
      try {
        for (const n of graph.nodes) {
          const cell = x6.getCellById(n.id);
          if (cell && cell.isNode()) {
            this.relabel(cell, n.label ?? null);
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
        this.createNode(n.component, n.id, n.position?.x ?? 0, n.position?.y ?? 0, n.label ?? null),
      );
      x6.resetCells(cells);
      for (const e of graph.edges) {
        const from = x6.getCellById(e.from.node);
        const to = x6.getCellById(e.to.node);
        if (!from || !to || !from.isNode() || !to.isNode()) {
          continue;
        }
        const edge = x6.addEdge({
          source: { cell: e.from.node, port: this.portId(from, 'out', e.from.port) },
          target: { cell: e.to.node, port: this.portId(to, 'in', e.to.port) },
          zIndex: -1,
        });
        this.styleEdge(edge);
      }
      x6.stopBatch('server');
      this.history?.clean();
      this.decorateAll();
    } finally {
      this.applying--;
    }
    this.lastEmitted = JSON.stringify(this.currentGraph());
    this.requestUpdate();
    if (!force) {
      requestAnimationFrame(() => this.fitIfOutside());
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

  private relabel(node: Node, label: string | null): void {
    const data = node.getData<NodeData>();
    if ((data.label ?? null) === label) {
      return;
    }
    const title = this.components.get(data.component)?.title ?? data.component;
    node.setData({ ...data, label }, { silent: true, decoration: true });
    node.attr(
      {
        title: { y: label ? 16 : NODE_HEIGHT / 2 },
        subtitle: { visibility: label ? 'visible' : 'hidden' },
      },
      { decoration: true },
    );
    this.fitLabel(node, label || title, label ? title : '');
  }

  private portId(node: Node, group: 'in' | 'out', name: string): string {
    const match = node.getPorts().find((p) => p.group === group && (p.data as PortInfo | undefined)?.name === name);
    return match?.id ?? name;
  }

  /** The structure the user sees, in the shape the server reads. */
  private currentGraph(): CanvasGraph {
    const graph = this.graph;
    if (!graph) {
      return this.pendingGraph ?? { nodes: [], edges: [] };
    }
    const nodes: GraphNode[] = graph
      .getNodes()
      .filter((n) => !n.id.startsWith('__drag-'))
      .map((n) => {
        const p = n.getPosition();
        const data = n.getData<NodeData>();
        return { id: n.id, component: data.component, label: data.label, position: { x: Math.round(p.x), y: Math.round(p.y) } };
      });
    const edges: GraphEdge[] = graph
      .getEdges()
      .filter((e) => this.isComplete(e))
      .map((e) => ({
        from: { node: e.getSourceCellId(), port: this.portName(e.getSourceCell(), e.getSourcePortId()) },
        to: { node: e.getTargetCellId(), port: this.portName(e.getTargetCell(), e.getTargetPortId()) },
      }));
    return { nodes, edges };
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
    const run = this.states.get(node.id) ?? null;
    const errors = this.errors.filter((e) => e.nodeId === node.id).map((e) => e.message);
    const selected = this.selectedIds.includes(node.id);
    const state = run?.state ?? null;
    const hasError = errors.length > 0;
    let stroke = '#c5ccd8';
    let strokeWidth = 1;
    let dash: string | null = null;
    if (state) {
      stroke = STATE_COLORS[state];
      strokeWidth = 1.6;
      dash = state === 'queued' || state === 'skipped' ? '4 3' : null;
    }
    if (hasError) {
      stroke = ERROR_COLOR;
      strokeWidth = 2;
      dash = null;
    }
    const data = node.getData<NodeData>();
    node.setData({ ...data, state, stateMessage: run?.message ?? null, errors }, { silent: true, decoration: true });
    node.attr(
      {
        halo: { visibility: selected ? 'visible' : 'hidden' },
        body: {
          stroke,
          strokeWidth,
          strokeDasharray: dash,
          // Stable hook for tests and CSS: the run state of this node.
          'data-state': state,
          'data-invalid': hasError ? 'true' : null,
          fill: state === 'skipped' ? '#f3f4f6' : '#ffffff',
        },
        status: {
          visibility: state ? 'visible' : 'hidden',
          fill: state && state !== 'running' ? STATE_COLORS[state] : 'none',
          stroke: state === 'running' ? STATE_COLORS.running : 'none',
          strokeWidth: state === 'running' ? 2.2 : 0,
          'data-spin': state === 'running' ? 'true' : null,
        },
        statusGlyph: { d: state ? STATE_GLYPHS[state] || 'M 0 0' : 'M 0 0', visibility: state ? 'visible' : 'hidden' },
        errorBadge: { visibility: hasError ? 'visible' : 'hidden' },
        errorMark: { visibility: hasError ? 'visible' : 'hidden' },
      },
      { decoration: true },
    );
  }

  private showNodeTooltip(node: Node, e: MouseEvent): void {
    const data = node.getData<NodeData>();
    const lines: { text: string; error: boolean }[] = [];
    if (data.state && data.stateMessage) {
      lines.push({ text: data.stateMessage, error: data.state === 'failed' });
    }
    data.errors.forEach((m) => lines.push({ text: m, error: true }));
    if (lines.length === 0) {
      this.hideTooltip();
      return;
    }
    this.placeTooltip(e, lines);
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

/** Same nodes (id and component) and same edges; positions and labels aside. */
function sameStructure(a: CanvasGraph, b: CanvasGraph): boolean {
  const key = (g: CanvasGraph) =>
    JSON.stringify({
      nodes: g.nodes.map((n) => `${n.id}:${n.component}`).sort(),
      edges: g.edges.map((e) => `${e.from.node}.${e.from.port}>${e.to.node}.${e.to.port}`).sort(),
    });
  return key(a) === key(b);
}

function samePositions(a: CanvasGraph, b: CanvasGraph): boolean {
  const key = (g: CanvasGraph) =>
    JSON.stringify(g.nodes.map((n) => [n.id, Math.round(n.position?.x ?? 0), Math.round(n.position?.y ?? 0)]).sort());
  return key(a) === key(b);
}

/** Cuts text to about `width` pixels at `fontSize`, adding an ellipsis (CJK characters count double). */
function truncate(text: string, width: number, fontSize: number): string {
  const budget = width / (fontSize * 0.55);
  let used = 0;
  let out = '';
  for (const ch of text) {
    const w = /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 1.85 : /[A-Z]/.test(ch) ? 1.2 : 1;
    if (used + w > budget) {
      return out.trimEnd() + '…';
    }
    used += w;
    out += ch;
  }
  return out;
}

if (!customElements.get('easel-canvas')) {
  customElements.define('easel-canvas', EaselCanvas);
}

declare global {
  interface HTMLElementTagNameMap {
    'easel-canvas': EaselCanvas;
  }
}
