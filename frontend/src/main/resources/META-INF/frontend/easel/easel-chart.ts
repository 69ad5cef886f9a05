/*
 * <easel-chart>: an Apache ECharts chart that follows its container's size. The Java wrapper
 * (io.easel.studio.canvas.Chart) sends the ECharts option as JSON through setOption(json).
 */
import { init, type ECharts, type EChartsOption } from 'echarts';

const STYLE_ID = 'easel-chart-styles';

export class EaselChart extends HTMLElement {
  private chart?: ECharts;
  private option?: EChartsOption;
  private observer?: ResizeObserver;
  private frame = 0;

  connectedCallback(): void {
    if (!document.getElementById(STYLE_ID)) {
      const style = document.createElement('style');
      style.id = STYLE_ID;
      // A chart needs a height; the wrapper sets one, this is the fallback.
      style.textContent = 'easel-chart { display: block; position: relative; min-height: 160px; }';
      document.head.appendChild(style);
    }
    this.chart = init(this, undefined, { renderer: 'canvas' });
    if (this.option) {
      this.chart.setOption(this.option, true);
    }
    this.observer = new ResizeObserver(() => {
      // Coalesce bursts of resize notifications (e.g. while a split layout is dragged) into one per frame.
      cancelAnimationFrame(this.frame);
      this.frame = requestAnimationFrame(() => this.chart?.resize());
    });
    this.observer.observe(this);
  }

  disconnectedCallback(): void {
    this.observer?.disconnect();
    cancelAnimationFrame(this.frame);
    this.chart?.dispose();
    this.chart = undefined;
  }

  /** Replaces the whole option (ECharts "notMerge"), given as JSON. */
  setOption(json: string): void {
    this.option = JSON.parse(json) as EChartsOption;
    this.chart?.setOption(this.option, true);
  }
}

if (!customElements.get('easel-chart')) {
  customElements.define('easel-chart', EaselChart);
}

declare global {
  interface HTMLElementTagNameMap {
    'easel-chart': EaselChart;
  }
}
