import { LineChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';

// Only what the console draws, so the chart chunk stays small (legends are HTML beside it). The
// tooltip waits for the first pointer over a chart: a page of charts loads without it.
echarts.use([LineChart, GridComponent, CanvasRenderer]);
let tooltip: Promise<unknown> | null = null;
const loadTooltip = () => (tooltip ??= import('./echart-tooltip'));

export type ChartOption = echarts.EChartsCoreOption;

/**
 * An ECharts canvas that follows its container's width. The chart is an image to assistive
 * technology: `label` names it, and the page shows the same figures as text.
 */
export default function EChart({
  option,
  height = 240,
  label,
}: {
  option: ChartOption;
  height?: number;
  label: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const [pointed, setPointed] = useState(tooltip !== null);

  useEffect(() => {
    if (!ref.current) return;
    const instance = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    let current = true;
    // Once the tooltip is registered, setting the option again gives the chart its tooltip.
    void (pointed ? loadTooltip() : Promise.resolve()).then(() => {
      if (current) chart.current?.setOption(option, { notMerge: true });
    });
    return () => {
      current = false;
    };
  }, [option, pointed]);

  return (
    <div
      ref={ref}
      role="img"
      aria-label={label}
      style={{ width: '100%', height }}
      onPointerEnter={pointed ? undefined : () => setPointed(true)}
    />
  );
}
