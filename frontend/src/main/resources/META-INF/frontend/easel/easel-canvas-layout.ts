/*
 * A layered (Sugiyama-style) layout for the experiment DAG, top-down like the canvas's ports (inputs on top, outputs
 * below): each node goes to the layer of its longest path from a source, then a few sweeps order every layer by the
 * barycentre of its neighbours in the layer before (down) and after (up), which removes most edge crossings. No
 * dependency: @antv/layout is not needed for graphs of a few hundred nodes.
 */

export interface LayoutNode {
  id: string;
  width: number;
  height: number;
}

export interface LayoutEdge {
  from: string;
  to: string;
}

export interface LayoutOptions {
  /** Space between two nodes of one layer. */
  nodeGap: number;
  /** Space between two layers. */
  layerGap: number;
  /** Where the first layer's first node goes. */
  origin: { x: number; y: number };
}

const SWEEPS = 6;

/** Top-left corner of every node, by id. Edges that close a cycle or name unknown nodes are ignored. */
export function layeredLayout(
  nodes: LayoutNode[],
  edges: LayoutEdge[],
  options: LayoutOptions,
): Map<string, { x: number; y: number }> {
  const ids = new Set(nodes.map((n) => n.id));
  const parents = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  const children = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  for (const e of edges) {
    if (ids.has(e.from) && ids.has(e.to) && e.from !== e.to) {
      parents.get(e.to)!.push(e.from);
      children.get(e.from)!.push(e.to);
    }
  }
  const layerOf = longestPathLayers(nodes, parents);
  const layers: string[][] = [];
  // Start from the order the nodes are given in, so a layout of an already tidy graph changes little.
  for (const n of nodes) {
    const layer = layerOf.get(n.id)!;
    (layers[layer] ??= []).push(n.id);
  }
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    const down = sweep % 2 === 0;
    const order = down ? layers.keys() : [...layers.keys()].reverse();
    for (const i of order) {
      const neighbours = down ? parents : children;
      const reference = layers[down ? i - 1 : i + 1];
      if (reference) {
        orderByBarycentre(layers[i], reference, neighbours);
      }
    }
  }
  return place(layers, new Map(nodes.map((n) => [n.id, n])), parents, options);
}

/** The layer of each node: 0 for sources, else one more than its deepest parent (cycles broken arbitrarily). */
function longestPathLayers(nodes: LayoutNode[], parents: Map<string, string[]>): Map<string, number> {
  const layer = new Map<string, number>();
  const visiting = new Set<string>();
  const visit = (id: string): number => {
    const known = layer.get(id);
    if (known !== undefined) {
      return known;
    }
    visiting.add(id);
    let depth = 0;
    for (const p of parents.get(id) ?? []) {
      if (!visiting.has(p)) {
        depth = Math.max(depth, visit(p) + 1);
      }
    }
    visiting.delete(id);
    layer.set(id, depth);
    return depth;
  };
  nodes.forEach((n) => visit(n.id));
  return layer;
}

function orderByBarycentre(layer: string[], reference: string[], neighbours: Map<string, string[]>): void {
  const position = new Map(reference.map((id, i) => [id, i]));
  const weight = new Map<string, number>();
  layer.forEach((id, i) => {
    const at = (neighbours.get(id) ?? []).map((n) => position.get(n)).filter((p): p is number => p !== undefined);
    // A node with no neighbour there keeps its place.
    weight.set(id, at.length === 0 ? i : at.reduce((a, b) => a + b, 0) / at.length);
  });
  layer.sort((a, b) => weight.get(a)! - weight.get(b)!);
}

/**
 * Layers become rows; each row is centred under the centre of the widest row, and a one-node row sits under its
 * parents' centre when that does not overlap, so chains stay straight.
 */
function place(
  layers: string[][],
  byId: Map<string, LayoutNode>,
  parents: Map<string, string[]>,
  options: LayoutOptions,
): Map<string, { x: number; y: number }> {
  const out = new Map<string, { x: number; y: number }>();
  const rowWidth = (row: string[]) =>
    row.reduce((sum, id) => sum + byId.get(id)!.width, 0) + Math.max(0, row.length - 1) * options.nodeGap;
  const widest = Math.max(0, ...layers.map((row) => (row ? rowWidth(row) : 0)));
  let y = options.origin.y;
  for (const row of layers) {
    if (!row || row.length === 0) {
      continue;
    }
    let x = options.origin.x + (widest - rowWidth(row)) / 2;
    if (row.length === 1) {
      const centres = (parents.get(row[0]) ?? [])
        .filter((p) => out.has(p))
        .map((p) => out.get(p)!.x + byId.get(p)!.width / 2);
      if (centres.length > 0) {
        x = centres.reduce((a, b) => a + b, 0) / centres.length - byId.get(row[0])!.width / 2;
      }
    }
    let tallest = 0;
    for (const id of row) {
      const node = byId.get(id)!;
      out.set(id, { x: Math.round(x / 10) * 10, y: Math.round(y / 10) * 10 });
      x += node.width + options.nodeGap;
      tallest = Math.max(tallest, node.height);
    }
    y += tallest + options.layerGap;
  }
  return out;
}
