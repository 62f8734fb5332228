/** The dashboard workspace is an app, built by Vite (`dashboard/vite.config.ts`); these are its pure helpers. */
export { parseRoute, type Route } from './common/use-hash-route';
export { COUNTY_TILES, type CountyTile } from './views/social/county-grid';
