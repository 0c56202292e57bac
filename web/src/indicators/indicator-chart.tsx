import { LineChart, type LineSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, type GridComponentOption, type LegendComponentOption, type TooltipComponentOption } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { STATUS_COLOURS } from '../../../src/contract/indicator-status.ts';
import type { Indicator } from '../api/indicators.ts';
import { currentLocale } from '../i18n/i18n.ts';
import { formatQuantity } from './quantity.ts';

// Only the parts the indicator charts draw, so the bundle carries no other chart kind.
echarts.use([LineChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

type Option = echarts.ComposeOption<LineSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption>;

const ACTUAL_COLOUR = '#1f4e79';
const TARGET_COLOUR = '#8c8c8c';

interface Props {
  indicator: Indicator;
  /** A sparkline for a table row: no axes, no legend, no tooltip. */
  mini?: boolean;
}

/** The target line: from the baseline to each target at the end of its year, each target in its status colour. */
function targetPoints(indicator: Indicator) {
  const points: { value: [string, number]; itemStyle: { color: string } }[] = [];
  if (indicator.baseline !== null && indicator.baselineOn) points.push({ value: [indicator.baselineOn, Number(indicator.baseline)], itemStyle: { color: TARGET_COLOUR } });
  for (const target of indicator.targets) {
    if (target.year === null) continue;
    const value = target.comparator === 'range' && indicator.direction === 'lower' ? Number(target.valueMax ?? target.value) : Number(target.value);
    points.push({ value: [`${target.year}-12-31`, value], itemStyle: { color: STATUS_COLOURS[target.status] } });
  }
  return points;
}

/** Actuals (rolled up by the indicator's rule) against its target line, drawn with ECharts. */
export function IndicatorChart({ indicator, mini = false }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!element.current) return undefined;
    const chart = echarts.init(element.current, null, { renderer: 'svg' });
    const format = (value: number) => formatQuantity(value, indicator.unit, locale);
    const option: Option = {
      animation: false,
      grid: mini ? { left: 2, right: 2, top: 4, bottom: 4 } : { left: 72, right: 24, top: 36, bottom: 32 },
      xAxis: { type: 'time', show: !mini },
      yAxis: { type: 'value', show: !mini, scale: mini, axisLabel: { formatter: (value: number) => format(value) } },
      legend: mini ? { show: false } : { top: 0, data: [t('indicators.chart.actual'), t('indicators.chart.target')] },
      tooltip: mini ? { show: false } : { trigger: 'axis', valueFormatter: (value) => (typeof value === 'number' ? format(value) : String(value)) },
      series: [
        {
          name: t('indicators.chart.actual'),
          type: 'line',
          data: indicator.series.map((p) => [p.endsOn, p.value]),
          lineStyle: { color: ACTUAL_COLOUR, width: mini ? 1.5 : 2.5 },
          itemStyle: { color: ACTUAL_COLOUR },
          symbolSize: mini ? 3 : 7,
        },
        {
          name: t('indicators.chart.target'),
          type: 'line',
          data: targetPoints(indicator),
          lineStyle: { color: TARGET_COLOUR, type: 'dashed', width: mini ? 1 : 1.5 },
          itemStyle: { color: TARGET_COLOUR },
          symbol: 'diamond',
          symbolSize: mini ? 6 : 12,
        },
      ],
    };
    chart.setOption(option);
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(element.current);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [indicator, mini, locale, t]);

  return <div ref={element} style={{ width: mini ? 180 : '100%', height: mini ? 44 : 320 }} data-testid={mini ? 'indicator-sparkline' : 'indicator-chart'} role="img" aria-label={t('indicators.chart.label', { name: indicator.name })} />;
}
