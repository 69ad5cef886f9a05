/*
 * What the canvas works with: the experiment graph as the server sends and reads it, the palette, the data a node
 * cell carries, and the sizes every part of the canvas agrees on.
 */
import type { Cell } from '@antv/x6';

export type PortType = 'table' | 'model' | 'report';
export type NodeState = 'queued' | 'running' | 'succeeded' | 'failed' | 'skipped' | 'not_in_run';

export interface PortInfo {
  name: string;
  type: PortType;
  title: string;
  optional?: boolean;
}

export interface PaletteComponent {
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

export interface PaletteCategory {
  id: string;
  title: string;
  components: PaletteComponent[];
}

export interface Palette {
  categories: PaletteCategory[];
  texts: Record<string, string>;
}

export interface GraphNode {
  id: string;
  component: string;
  label?: string | null;
  params?: Record<string, unknown>;
  position?: { x: number; y: number };
}

export interface PortRef {
  node: string;
  port: string;
}

export interface GraphEdge {
  from: PortRef;
  to: PortRef;
}

/** A comment on the canvas (sticky note), saved with the experiment. */
export interface GraphNote {
  id: string;
  text: string;
  position?: { x: number; y: number };
}

export interface CanvasGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  notes?: GraphNote[];
}

export interface ValidationError {
  nodeId?: string;
  param?: string;
  port?: string;
  code?: string;
  message: string;
}

/** What a node cell carries besides its geometry. */
export interface NodeData {
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

export interface ServerConnector {
  graphChanged(json: string): void;
  nodeSelected(nodeId: string | null): void;
  /**
   * A node command the server carries out: 'output' (show the node's results), 'run-only', 'run-from', 'run-to'
   * (start a run of the node alone, of it and what is downstream, of it and what it needs upstream).
   */
  nodeCommand(command: string, nodeId: string): void;
}

export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 48;
/** Offset of pasted or duplicated nodes from the originals. */
export const PASTE_OFFSET = 30;
export const HISTORY_SIZE = 200;
export const NOTICE_MS = 4000;
export const NOTE_SHAPE = 'easel-note';
export const NOTE_WIDTH = 180;
export const NOTE_HEIGHT = 100;
/** As components/api's Note.MAX_TEXT_LENGTH. */
export const NOTE_MAX_LENGTH = 4000;

export function isNote(cell: Cell): boolean {
  return cell.shape === NOTE_SHAPE;
}
export const EMIT_DELAY_MS = 250;
/**
 * A User Timing measure (in Chrome's performance panel, and read by the browser suite) from a graph's arrival to the
 * frame that shows it drawn and in view; its detail counts the nodes and edges.
 */
export const GRAPH_SHOWN = 'easel-canvas:graph-shown';
