/*
 * A node's decoration: its run state (border, status dot, progress bar), validation and out-of-date badges and the
 * selection halo. Decoration is not an edit: it is set with { decoration: true }, which the undo history skips.
 */
import type { Node } from '@antv/x6';
import { NODE_WIDTH, type NodeData, type NodeState } from './easel-canvas-model';
import { ERROR_COLOR, STATE_COLORS, STATE_GLYPHS } from './easel-canvas-shapes';

/** What a node is decorated with. */
export interface NodeMarks {
  run: { state: NodeState; message: string | null } | null;
  errors: string[];
  selected: boolean;
  /** What changed since the node's last run, when its outputs are out of date. */
  stale: string | null;
  /** A running node's share of tasks done (-1: not known yet) and its progress line. */
  progress?: { fraction: number; text: string };
}

/** A tooltip's line; error lines are drawn red. */
export interface TooltipLine {
  text: string;
  error: boolean;
}

/** A node's decoration: the marks its data carries (for its tooltip) and the attributes that draw them. */
export interface Decoration {
  data: Pick<NodeData, 'state' | 'stateMessage' | 'errors' | 'stale'>;
  attrs: Record<string, Record<string, unknown>>;
}

export function decorationOf(marks: NodeMarks): Decoration {
  const state = marks.run?.state ?? null;
  const hasError = marks.errors.length > 0;
  const stale = marks.stale;
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
  const progress = state === 'running' ? marks.progress : undefined;
  const barWidth =
    progress && progress.fraction >= 0 ? Math.max(2, (NODE_WIDTH - 12) * Math.min(1, progress.fraction)) : 0;
  return {
    data: { state, stateMessage: marks.run?.message ?? null, errors: marks.errors, stale },
    attrs: {
      halo: { visibility: marks.selected ? 'visible' : 'hidden' },
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
    },
  };
}

export class NodeDecorator {
  /** The decoration each node's attributes hold, as last set. */
  private readonly applied = new WeakMap<Node, string>();

  /** Records that a node was created with `decoration` already in its attributes. */
  created(node: Node, decoration: Decoration): void {
    this.applied.set(node, JSON.stringify(decoration.attrs));
  }

  /**
   * Writes the marks into the node's data (for its tooltip) and its attributes, each only when it changed: setting
   * either on a drawn node costs a redraw or a deep copy, and every node is decorated again whenever the run states,
   * the errors or the selection change.
   */
  apply(node: Node, marks: NodeMarks): void {
    const decoration = decorationOf(marks);
    const data = node.getData<NodeData>();
    const marked = decoration.data;
    if (
      data.state !== marked.state ||
      data.stateMessage !== marked.stateMessage ||
      data.stale !== marked.stale ||
      JSON.stringify(data.errors ?? []) !== JSON.stringify(marked.errors)
    ) {
      node.setData({ ...data, ...marked }, { silent: true, decoration: true });
    }
    // Setting attributes redraws the node even when they are the same: selecting one of 300 nodes redrew them all.
    const key = JSON.stringify(decoration.attrs);
    if (this.applied.get(node) !== key) {
      this.applied.set(node, key);
      node.attr(decoration.attrs, { decoration: true });
    }
  }
}

/**
 * A node's tooltip: its full title (on the node it may be cut), then its run message, why it is out of date, its
 * progress and its errors.
 */
export function nodeTooltipLines(
  node: Node,
  title: string,
  staleText: string,
  progress: { text: string } | undefined,
): TooltipLine[] {
  const data = node.getData<NodeData>();
  const lines = [{ text: data.label ? `${data.label} · ${title}` : title, error: false }];
  if (data.state && data.stateMessage) {
    lines.push({ text: data.stateMessage, error: data.state === 'failed' });
  }
  if (data.stale) {
    lines.push({ text: `${staleText}: ${data.stale}`, error: false });
  }
  if (data.state === 'running' && progress) {
    lines.push({ text: progress.text, error: false });
  }
  data.errors.forEach((m) => lines.push({ text: m, error: true }));
  return lines;
}
