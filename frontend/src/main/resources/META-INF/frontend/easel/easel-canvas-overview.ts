/*
 * The overview map in the canvas's corner: every node as a small box, the visible area as a frame; a click or a drag
 * on it moves the view there. Drawn from the graph's geometry into one SVG rather than with X6's MiniMap, which
 * renders a second copy of every cell view (same data-cell-id), slower with hundreds of nodes and confusing for
 * anything that looks cells up in the page.
 */
import type { Graph } from '@antv/x6';

const SVG = 'http://www.w3.org/2000/svg';

export class Overview {
  private readonly svg: SVGSVGElement;
  private frame = 0;
  /** Local graph coordinates of the map's top-left corner, and map pixels per local unit. */
  private view = { x: 0, y: 0, scale: 1 };

  constructor(
    container: HTMLElement,
    private readonly graph: Graph,
    private readonly width: number,
    private readonly height: number,
  ) {
    this.svg = document.createElementNS(SVG, 'svg');
    this.svg.setAttribute('width', String(width));
    this.svg.setAttribute('height', String(height));
    this.svg.style.display = 'block';
    this.svg.style.cursor = 'pointer';
    container.appendChild(this.svg);
    const schedule = () => this.schedule();
    for (const event of ['cell:added', 'cell:removed', 'node:change:position', 'translate', 'scale', 'resize']) {
      graph.on(event as 'cell:added', schedule);
    }
    graph.on('model:reseted', schedule);
    this.svg.addEventListener('mousedown', (e) => {
      e.preventDefault();
      this.centreAt(e);
      const move = (m: MouseEvent) => this.centreAt(m);
      const up = () => {
        document.removeEventListener('mousemove', move);
        document.removeEventListener('mouseup', up);
      };
      document.addEventListener('mousemove', move);
      document.addEventListener('mouseup', up);
    });
    this.schedule();
  }

  /** Redraws once per animation frame at most, however many cells changed. */
  schedule(): void {
    if (this.frame === 0) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.draw();
      });
    }
  }

  private draw(): void {
    const nodes = this.graph.getNodes();
    const visible = this.graph.getGraphArea();
    const bounds = nodes.length === 0 ? visible : this.graph.getContentBBox().union(visible);
    const pad = 8;
    const scale = Math.min((this.width - 2 * pad) / bounds.width, (this.height - 2 * pad) / bounds.height);
    this.view = { x: bounds.x - pad / scale, y: bounds.y - pad / scale, scale };
    const box = (x: number, y: number, w: number, h: number) =>
      `x="${((x - this.view.x) * scale).toFixed(1)}" y="${((y - this.view.y) * scale).toFixed(1)}" ` +
      `width="${Math.max(1, w * scale).toFixed(1)}" height="${Math.max(1, h * scale).toFixed(1)}"`;
    const parts = nodes.map((n) => {
      const b = n.getBBox();
      return `<rect ${box(b.x, b.y, b.width, b.height)} rx="1.5" fill="#b9c3d3"/>`;
    });
    parts.push(
      `<rect class="easel-overview-frame" ${box(visible.x, visible.y, visible.width, visible.height)} fill="rgba(26,95,209,0.06)" stroke="#1a5fd1" stroke-width="1.2"/>`,
    );
    this.svg.innerHTML = parts.join('');
  }

  private centreAt(e: MouseEvent): void {
    const r = this.svg.getBoundingClientRect();
    this.graph.centerPoint(
      this.view.x + (e.clientX - r.left) / this.view.scale,
      this.view.y + (e.clientY - r.top) / this.view.scale,
    );
  }
}
