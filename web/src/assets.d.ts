// Vite turns an import ending in ?url into the address of the emitted file: the map's GeoJSON is fetched, not bundled.
declare module '*.json?url' {
  const url: string;
  export default url;
}
