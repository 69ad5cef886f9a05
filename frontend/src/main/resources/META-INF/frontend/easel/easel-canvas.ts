/*
 * <easel-canvas>: the experiment editor's canvas. A palette of components (category sections + search) beside an
 * AntV X6 graph. Rendered in light DOM because X6 injects its CSS into document.head and its Dnd widget into
 * document.body; a shadow root would hide the graph from both.
 *
 * Server -> client: the Java wrapper (io.easel.studio.canvas.ExperimentCanvas) calls the public methods below with
 * JSON strings. Client -> server: this.$server.graphChanged(json) after user edits (debounced) and
 * this.$server.nodeSelected(id | null). The client only owns the structure (nodes, positions, edges); params stay on
 * the server, which merges them back in.
 *
 * This file is the element: its state, the API above, the toolbar and palette, and the X6 graph's events. Each other
 * job has a module of its own: shapes, ports and titles (-shapes), run state and error marks (-decoration), which
 * connections are allowed (-connections), the server graph <-> X6 model (-sync), shortcuts (-keys), menus and help
 * (-menu), styles (-styles), texts and icons (-texts), the overview map (-overview), auto-layout (-layout), and what
 * the browser keeps (-store).
 */
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { Dnd, Graph, History, Keyboard, Selection, Snapline, type Cell, type Edge, type Node } from '@antv/x6';
import { connectionProblem, isComplete } from './easel-canvas-connections';
import { decorationOf, NodeDecorator, nodeTooltipLines, type NodeMarks, type TooltipLine } from './easel-canvas-decoration';
import { bindShortcuts, ownsKey, shortcutRows } from './easel-canvas-keys';
import { layeredLayout } from './easel-canvas-layout';
import {
  canvasMenu,
  edgeMenu,
  nodeMenu,
  noteMenu,
  placeMenu,
  renderHelp,
  renderMenu,
  type ContextMenu,
  type HelpOverlay,
  type MenuItem,
} from './easel-canvas-menu';
import {
  EMIT_DELAY_MS,
  GRAPH_SHOWN,
  HISTORY_SIZE,
  isNote,
  NODE_HEIGHT,
  NODE_WIDTH,
  NOTE_HEIGHT,
  NOTE_MAX_LENGTH,
  NOTE_WIDTH,
  NOTICE_MS,
  PASTE_OFFSET,
  type CanvasGraph,
  type NodeData,
  type NodeState,
  type Palette,
  type PaletteComponent,
  type PortInfo,
  type ServerConnector,
  type ValidationError,
} from './easel-canvas-model';
import { Overview } from './easel-canvas-overview';
import {
  createNodeCell,
  createNoteCell,
  edgeLine,
  portInfo,
  PORT_COLORS,
  registerShapes,
  SELECTED_COLOR,
  showLabel,
} from './easel-canvas-shapes';
import { PaletteStore, readClipboard, writeClipboard, type ClipboardPayload } from './easel-canvas-store';
import { ensureStyles } from './easel-canvas-styles';
import { graphOf, portId, samePositions, sameStructure } from './easel-canvas-sync';
import { DEFAULT_TEXTS, ICONS } from './easel-canvas-texts';

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
  private decorator = new NodeDecorator();
  /** Running nodes' share of tasks done (-1: not known yet) and their progress line. */
  private progress = new Map<string, { fraction: number; text: string }>();
  private errors: ValidationError[] = [];
  /** The errors' messages by node id: looked up for every node each time the nodes are decorated. */
  private errorsByNode = new Map<string, string[]>();
  private graphErrors: string[] = [];
  /** The tooltip shown, and the node it is about (kept current while errors and run states change). */
  private tooltip: { x: number; y: number; lines: TooltipLine[]; nodeId?: string } | null = null;
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
  private helpShown: HelpOverlay | null = null;
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
    this.errorsByNode = new Map();
    for (const error of this.errors) {
      if (error.nodeId) {
        this.errorsByNode.set(error.nodeId, [...(this.errorsByNode.get(error.nodeId) ?? []), error.message]);
      }
    }
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
        ${renderMenu(this.menu, () => this.closePopups())}
        ${renderHelp(this.helpShown, t.close, () => this.closePopups())} ${this.renderRename()}
      </div>
    `;
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
          const problem = connectionProblem(
            graph,
            this.texts(),
            { cell: args.sourceCell, port: args.sourcePort },
            { cell: args.targetCell, port: args.targetPort },
            args.edge,
          );
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
    graph.use(new Keyboard({ enabled: true, global: true, guard: (e: KeyboardEvent) => ownsKey(this, !!this.renaming, e) }));
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

    bindShortcuts(graph, {
      remove: () => this.removeSelection(),
      undo: () => this.history?.undo(),
      redo: () => this.history?.redo(),
      copy: () => this.copySelection(),
      paste: () => this.paste(readClipboard(), this.pointerOnGraph()),
      duplicate: () => this.duplicateSelection(),
      selectAll: () => this.selection?.reset(graph.getNodes()),
      layout: () => this.autoLayout(),
      rename: () => {
        const nodes = this.selectedNodes();
        if (nodes.length === 1) {
          this.startRename(nodes[0]);
        }
      },
      help: () => this.showShortcuts(),
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
      if (isComplete(edge)) {
        this.styleEdge(edge);
        edited();
      }
    });
    graph.on('edge:removed', ({ edge }) => {
      if (isComplete(edge)) {
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
    return createNodeCell(this.graph!, this.components.get(componentId), { componentId, id, x, y, label, params });
  }

  private showLabel(node: Node): void {
    showLabel(node, isNote(node) ? undefined : this.components.get(node.getData<NodeData>().component));
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

  private styleEdge(edge: Edge): void {
    edge.attr({ line: edgeLine(edge.getSourceCell(), edge.getSourcePortId()) }, { decoration: true });
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
            source: { cell: from.id, port: portId(from, 'out', e.from.port) },
            target: { cell: to.id, port: portId(to, 'in', e.to.port) },
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
    return createNoteCell(this.graph!, id, x, y, text);
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
      graph.getEdges().filter(isComplete).map((e) => ({ from: e.getSourceCellId(), to: e.getTargetCellId() })),
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
    this.menu = placeMenu(this.stagePoint(e), stage, items);
    this.requestUpdate();
  }

  private openNodeMenu(node: Node, e: MouseEvent): void {
    if (!this.selectedIds.includes(node.id)) {
      this.selection?.reset(node);
    }
    const t = this.texts();
    if (isNote(node)) {
      this.openMenu(e, noteMenu(t, () => this.startRename(node), () => this.removeSelection()));
      return;
    }
    const component = this.components.get(node.getData<NodeData>().component);
    this.openMenu(
      e,
      nodeMenu(t, {
        viewOutput: () => this.$server?.nodeCommand('output', node.id),
        rename: () => this.startRename(node),
        duplicate: () => this.duplicateSelection(),
        copy: () => this.copySelection(),
        remove: () => this.removeSelection(),
        run: (command) => this.$server?.nodeCommand(command, node.id),
        help: () => component && this.showComponentHelp(component),
      }),
    );
  }

  private openEdgeMenu(edge: Edge, e: MouseEvent): void {
    this.selection?.reset(edge);
    this.openMenu(e, edgeMenu(this.texts(), () => this.removeSelection()));
  }

  private openCanvasMenu(e: MouseEvent, at: { x: number; y: number }): void {
    const clipboard = readClipboard();
    this.openMenu(
      e,
      canvasMenu(this.texts(), {
        paste: clipboard ? () => this.paste(clipboard, at) : null,
        addNote: () => this.addNote(at),
        selectAll: () => this.selection?.reset(this.graph!.getNodes()),
        layout: () => this.autoLayout(),
        fit: () => this.fit(),
      }),
    );
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
    this.helpShown = { title: t.shortcuts, keys: true, rows: shortcutRows(t) };
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
    // A selected edge is drawn wider and darker, so that Delete visibly applies to it. Only the edges whose
    // selection changed are restyled: setting attributes redraws an edge, and a click on a node (which starts every
    // drag) would otherwise redraw all of them.
    const selectedEdges = new Set(selected.filter((c) => c.isEdge()).map((c) => c.id));
    this.graph?.getEdges().forEach((edge) => {
      const on = selectedEdges.has(edge.id);
      if (on === (edge.attr('line/data-selected') === 'true')) {
        return;
      }
      if (on) {
        edge.attr({ line: { strokeWidth: 3.5, stroke: SELECTED_COLOR, 'data-selected': 'true' } }, { decoration: true });
      } else {
        edge.attr(
          { line: { ...edgeLine(edge.getSourceCell(), edge.getSourcePortId()), 'data-selected': null } },
          { decoration: true },
        );
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
      // Created with their titles, run states, marks and stacking order, and added in one reset: each later change
      // of a cell copies its attributes again and redraws it if drawn, which with hundreds of cells took seconds.
      const nodes = new Map<string, Node>();
      graph.nodes.forEach((n, index) => {
        const decoration = decorationOf(this.marksOf(n.id));
        const node = createNodeCell(x6, this.components.get(n.component), {
          componentId: n.component,
          id: n.id,
          x: n.position?.x ?? 0,
          y: n.position?.y ?? 0,
          label: n.label ?? null,
          params: n.params ?? {},
          decoration,
          zIndex: index + 1,
        });
        this.decorator.created(node, decoration);
        nodes.set(n.id, node);
      });
      const cells: Cell[] = [...nodes.values()];
      for (const note of graph.notes ?? []) {
        cells.push(this.createNote(note.id, note.position?.x ?? 0, note.position?.y ?? 0, note.text));
      }
      for (const e of graph.edges) {
        const from = nodes.get(e.from.node);
        const to = nodes.get(e.to.node);
        if (!from || !to) {
          continue;
        }
        const sourcePort = portId(from, 'out', e.from.port);
        cells.push(
          x6.createEdge({
            source: { cell: e.from.node, port: sourcePort },
            target: { cell: e.to.node, port: portId(to, 'in', e.to.port) },
            zIndex: -1,
            attrs: { line: edgeLine(from, sourcePort) },
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

  /** The structure the user sees, in the shape the server reads. */
  private currentGraph(): CanvasGraph {
    if (!this.graph) {
      return this.pendingGraph ?? { nodes: [], edges: [], notes: [] };
    }
    return graphOf(this.graph);
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
    this.decorator.apply(node, this.marksOf(node.id));
    if (this.tooltip?.nodeId === node.id) {
      this.tooltip = { ...this.tooltip, lines: this.nodeTooltipLines(node) };
      this.requestUpdate();
    }
  }

  private marksOf(nodeId: string): NodeMarks {
    return {
      run: this.states.get(nodeId) ?? null,
      errors: this.errorsByNode.get(nodeId) ?? [],
      selected: this.selectedIds.includes(nodeId),
      stale: this.stale.get(nodeId) ?? null,
      progress: this.progress.get(nodeId),
    };
  }

  private nodeTooltipLines(node: Node): TooltipLine[] {
    const data = node.getData<NodeData>();
    const title = this.components.get(data.component)?.title ?? data.component;
    return nodeTooltipLines(node, title, this.texts().stale, this.progress.get(node.id));
  }

  private showNodeTooltip(node: Node, e: MouseEvent): void {
    this.placeTooltip(e, this.nodeTooltipLines(node));
    if (this.tooltip) {
      this.tooltip.nodeId = node.id;
    }
  }

  private showPortTooltip(node: Node, portId: string | null, e: MouseEvent): void {
    const info = portInfo(node, portId);
    if (!info) {
      return;
    }
    const direction = info.group === 'in' ? this.texts().inputs : this.texts().outputs;
    this.placeTooltip(e, [{ text: `${info.title} · ${info.type} (${direction})`, error: false }]);
  }

  private placeTooltip(e: MouseEvent, lines: TooltipLine[]): void {
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
if (!customElements.get('easel-canvas')) {
  customElements.define('easel-canvas', EaselCanvas);
}

declare global {
  interface HTMLElementTagNameMap {
    'easel-canvas': EaselCanvas;
  }
}
