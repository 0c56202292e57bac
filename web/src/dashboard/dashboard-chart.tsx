import { BarChart, FunnelChart, type BarSeriesOption, type FunnelSeriesOption } from 'echarts/charts';
import { GridComponent, TooltipComponent, type GridComponentOption, type TooltipComponentOption } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the chart kinds the dashboard draws, so this page's bundle carries no other.
echarts.use([BarChart, FunnelChart, GridComponent, TooltipComponent, SVGRenderer]);

export type DashboardChartOption = echarts.ComposeOption<BarSeriesOption | FunnelSeriesOption | GridComponentOption | TooltipComponentOption>;

/**
 * One ECharts chart. It is a picture of the table shown beside it (the accessible alternative, with the links), so
 * screen readers are pointed to that table rather than read the drawing.
 */
export function DashboardChart({ option, label, height = 220, testId }: { option: DashboardChartOption; label: string; height?: number; testId: string }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return undefined;
    const chart = echarts.init(element.current, null, { renderer: 'svg' });
    chart.setOption({ animation: false, ...option });
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(element.current);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [option]);
  return <div ref={element} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />;
}
