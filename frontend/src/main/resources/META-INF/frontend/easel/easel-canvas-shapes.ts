/*
 * How a node looks: the node and comment shapes (registered with X6 once), a node cell with its ports and their
 * labels, the title on the node, and an edge's line in the colour of what it carries.
 */
import { Graph, type Cell, type Node } from '@antv/x6';
import {
  isNote,
  NODE_HEIGHT,
  NODE_WIDTH,
  NOTE_HEIGHT,
  NOTE_SHAPE,
  NOTE_WIDTH,
  type NodeData,
  type NodeState,
  type PaletteComponent,
  type PortInfo,
  type PortType,
} from './easel-canvas-model';
import type { Decoration } from './easel-canvas-decoration';

export const PORT_COLORS: Record<PortType, string> = {
  table: '#2f6fde',
  model: '#d4750b',
  report: '#2e9a5a',
};

export const STATE_COLORS: Record<NodeState, string> = {
  queued: '#8a94a6',
  running: '#2f6fde',
  succeeded: '#2e9a5a',
  failed: '#d63a3a',
  skipped: '#a0a7b4',
  not_in_run: '#b8bfcb',
};

/** The badge of a node whose last outputs no longer match its settings or inputs. */
export const STALE_COLOR = '#7c5cc4';

/** Small white glyphs drawn inside the status dot, on a 12x12 box centred at 0,0. */
export const STATE_GLYPHS: Record<NodeState, string> = {
  queued: 'M 0 -3.5 L 0 0 L 2.5 1.5',
  running: '',
  succeeded: 'M -3 0 L -1 2.5 L 3.2 -2.5',
  failed: 'M -2.5 -2.5 L 2.5 2.5 M 2.5 -2.5 L -2.5 2.5',
  skipped: 'M -3 0 L 3 0',
  not_in_run: '',
};

export const ERROR_COLOR = '#e5484d';
export const SELECTED_COLOR = '#1a5fd1';

let shapesRegistered = false;

export function registerShapes(): void {
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

/** What a new node cell is made of. */
export interface NodeCellSpec {
  componentId: string;
  id: string;
  x: number;
  y: number;
  label: string | null;
  params: Record<string, unknown>;
  /** Its run state and marks, drawn from the start (a drawn node redraws whenever its attributes change). */
  decoration?: Decoration;
  /** Its stacking order; without one X6 puts it above every cell present, looking through all of them. */
  zIndex?: number;
}

/**
 * A node cell of `component` (unknown components get no ports), with its ports, title and decoration, not yet
 * added. Everything is in the cell's first attributes: each later change would copy them again.
 */
export function createNodeCell(graph: Graph, component: PaletteComponent | undefined, cell: NodeCellSpec): Node {
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
  const data: NodeData = {
    component: cell.componentId,
    label: cell.label,
    params: cell.params,
    state: null,
    stateMessage: null,
    errors: [],
    ...cell.decoration?.data,
  };
  return graph.createNode({
    id: cell.id,
    shape: 'easel-node',
    x: cell.x,
    y: cell.y,
    ...(cell.zIndex === undefined ? {} : { zIndex: cell.zIndex }),
    data,
    attrs: {
      stripe: { fill: stripeColor(component) },
      ...titleAttrs(cell.label, component?.title ?? cell.componentId),
      ...cell.decoration?.attrs,
    },
    ports: {
      items: [...inputs.map((p) => portItem('in', p)), ...outputs.map((p) => portItem('out', p))],
    },
  });
}

/** A comment cell, not yet added. */
export function createNoteCell(graph: Graph, id: string, x: number, y: number, text: string): Node {
  return graph.createNode({
    id,
    shape: NOTE_SHAPE,
    x,
    y,
    data: { text },
    attrs: { label: { text } },
  });
}

/**
 * Writes the node's title: the component's title on up to two lines, or the user's label with the component's
 * title below it. SVG text does not clip, so what does not fit is cut with an ellipsis (the tooltip has it all).
 */
export function showLabel(node: Node, component: PaletteComponent | undefined): void {
  if (isNote(node)) {
    node.attr('label/text', node.getData<{ text: string }>().text ?? '', { decoration: true });
    return;
  }
  const data = node.getData<NodeData>();
  node.attr(titleAttrs(data.label, component?.title ?? data.component), { decoration: true });
}

/** The node's title and subtitle attributes: the user's label over the component's title, or the title alone. */
function titleAttrs(label: string | null, title: string): Record<string, Record<string, unknown>> {
  const room = NODE_WIDTH - 14 - 30;
  const lines = label ? [truncate(label, room, 13)] : wrap(title, room, 13, 2);
  return {
    title: {
      text: lines.join('\n'),
      y: label ? 17 : NODE_HEIGHT / 2,
      'data-full-title': label ?? title,
    },
    subtitle: { text: label ? truncate(title, room, 10.5) : '', visibility: label ? 'visible' : 'hidden', y: 34 },
  };
}

function stripeColor(component: PaletteComponent | undefined): string {
  const out = component?.outputs[0]?.type ?? component?.inputs[0]?.type;
  return out ? PORT_COLORS[out] : '#c5ccd8';
}

/** A port's name, type and side, or null when the cell has no such port. */
export function portInfo(node: Cell | null | undefined, portId: string | null | undefined): (PortInfo & { group: string }) | null {
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

/** An edge's line, in the colour of the port type it carries. */
export function edgeLine(source: Cell | null, sourcePort: string | undefined): Record<string, unknown> {
  const info = portInfo(source, sourcePort);
  const color = info ? PORT_COLORS[info.type] : '#8a94a6';
  return { stroke: color, strokeWidth: 1.8, targetMarker: { name: 'block', width: 8, height: 6 } };
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
