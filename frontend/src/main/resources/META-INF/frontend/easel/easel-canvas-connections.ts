/*
 * Which connections the canvas accepts: from an output to an input of the same port type, one edge per input, and
 * no cycle.
 */
import type { Cell, Edge, Graph } from '@antv/x6';
import { portInfo } from './easel-canvas-shapes';

/**
 * Why an edge may not go from sourcePort to targetPort, in words for the user, or 'invalid' when it is no connection
 * at all (not output to input), or null when it may.
 */
export function connectionProblem(
  graph: Graph,
  t: Record<string, string>,
  from: { cell: Cell | null | undefined; port: string | null | undefined },
  to: { cell: Cell | null | undefined; port: string | null | undefined },
  edge: Edge | null | undefined,
): string | null {
  const source = from.cell;
  const target = to.cell;
  const out = portInfo(source, from.port);
  const into = portInfo(target, to.port);
  if (!out || !into || out.group !== 'out' || into.group !== 'in' || !source || !target || source.id === target.id) {
    return 'invalid';
  }
  if (out.type !== into.type) {
    return t.wrongType.replace('{from}', out.type).replace('{to}', into.type);
  }
  const taken = graph
    .getIncomingEdges(target)
    ?.some((e) => e !== edge && e.getTargetPortId() === to.port && !!e.getSourceCellId());
  if (taken) {
    return t.portTaken;
  }
  if (reaches(graph, target.id, source.id)) {
    return t.cycle;
  }
  return null;
}

/** Whether `to` can be reached from `from` along edges. */
function reaches(graph: Graph, from: string, to: string): boolean {
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

/** Whether the edge joins two ports (not an edge being drawn). */
export function isComplete(edge: Edge): boolean {
  return !!edge.getSourceCellId() && !!edge.getTargetCellId() && !!edge.getSourcePortId() && !!edge.getTargetPortId();
}
