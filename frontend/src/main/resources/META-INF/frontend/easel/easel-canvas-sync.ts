/*
 * The server's graph and the X6 model: the structure the canvas shows, in the shape the server reads, and how to tell
 * whether a graph the server sent changes what is drawn.
 */
import type { Cell, Graph, Node } from '@antv/x6';
import { isComplete } from './easel-canvas-connections';
import { isNote, type CanvasGraph, type GraphEdge, type GraphNode, type GraphNote, type NodeData, type PortInfo } from './easel-canvas-model';
import { portInfo } from './easel-canvas-shapes';

/** Nodes being dragged in from the palette carry ids with this prefix: they are not part of the graph yet. */
export const DRAG_PREFIX = '__drag-';

/** The structure the user sees, in the shape the server reads. */
export function graphOf(graph: Graph): CanvasGraph {
  const all = graph.getNodes();
  const notes: GraphNote[] = all.filter(isNote).map((n) => ({
    id: n.id,
    text: n.getData<{ text: string }>().text ?? '',
    position: { x: Math.round(n.getPosition().x), y: Math.round(n.getPosition().y) },
  }));
  const nodes: GraphNode[] = all
    .filter((n) => !n.id.startsWith(DRAG_PREFIX) && !isNote(n))
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
    .filter(isComplete)
    .map((e) => ({
      from: { node: e.getSourceCellId(), port: portName(e.getSourceCell(), e.getSourcePortId()) },
      to: { node: e.getTargetCellId(), port: portName(e.getTargetCell(), e.getTargetPortId()) },
    }));
  return { nodes, edges, notes };
}

function portName(node: Cell | null, portId: string | undefined): string {
  return portInfo(node, portId)?.name ?? portId ?? '';
}

/** The id of the node's port called `name` on that side (an input and an output may share a name). */
export function portId(node: Node, group: 'in' | 'out', name: string): string {
  const match = node.getPorts().find((p) => p.group === group && (p.data as PortInfo | undefined)?.name === name);
  return match?.id ?? name;
}

/** Same nodes (id and component), edges and notes; positions, labels and params aside. */
export function sameStructure(a: CanvasGraph, b: CanvasGraph): boolean {
  const key = (g: CanvasGraph) =>
    JSON.stringify({
      nodes: g.nodes.map((n) => `${n.id}:${n.component}`).sort(),
      edges: g.edges.map((e) => `${e.from.node}.${e.from.port}>${e.to.node}.${e.to.port}`).sort(),
      notes: (g.notes ?? []).map((n) => `${n.id}:${n.text}`).sort(),
    });
  return key(a) === key(b);
}

export function samePositions(a: CanvasGraph, b: CanvasGraph): boolean {
  const key = (g: CanvasGraph) =>
    JSON.stringify(g.nodes.map((n) => [n.id, Math.round(n.position?.x ?? 0), Math.round(n.position?.y ?? 0)]).sort());
  return key(a) === key(b);
}
