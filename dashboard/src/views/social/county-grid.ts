/**
 * A schematic tile map of Kenya's 47 counties: one square per county on a 10 × 9 grid, placed roughly where the
 * county lies (north at the top, Lake Victoria counties on the left, the coast at the bottom right). Drawn by
 * hand from the counties' approximate centres; it is not a boundary map (no tile server, no boundary data).
 * Names are spelled as the classifier spells them (collector/src/social/classifier/kenyan-counties.ts).
 */
export interface CountyTile {
  name: string;
  /** Three-letter label shown on the tile. */
  short: string;
  col: number;
  row: number;
}

export const COUNTY_GRID_SIZE = { cols: 10, rows: 9 } as const;

export const COUNTY_TILES: readonly CountyTile[] = [
  { name: 'Turkana', short: 'TUR', col: 2, row: 0 },
  { name: 'Marsabit', short: 'MRS', col: 6, row: 0 },
  { name: 'Mandera', short: 'MND', col: 9, row: 0 },
  { name: 'West Pokot', short: 'WPK', col: 2, row: 1 },
  { name: 'Samburu', short: 'SAM', col: 4, row: 1 },
  { name: 'Wajir', short: 'WJR', col: 8, row: 1 },
  { name: 'Bungoma', short: 'BGM', col: 1, row: 2 },
  { name: 'Trans Nzoia', short: 'TNZ', col: 2, row: 2 },
  { name: 'Elgeyo-Marakwet', short: 'EMK', col: 3, row: 2 },
  { name: 'Baringo', short: 'BAR', col: 4, row: 2 },
  { name: 'Isiolo', short: 'ISL', col: 6, row: 2 },
  { name: 'Busia', short: 'BUS', col: 0, row: 3 },
  { name: 'Kakamega', short: 'KAK', col: 1, row: 3 },
  { name: 'Uasin Gishu', short: 'UGI', col: 2, row: 3 },
  { name: 'Laikipia', short: 'LAI', col: 4, row: 3 },
  { name: 'Meru', short: 'MRU', col: 6, row: 3 },
  { name: 'Garissa', short: 'GAR', col: 8, row: 3 },
  { name: 'Siaya', short: 'SIA', col: 0, row: 4 },
  { name: 'Vihiga', short: 'VIH', col: 1, row: 4 },
  { name: 'Nandi', short: 'NAN', col: 2, row: 4 },
  { name: 'Nakuru', short: 'NAK', col: 3, row: 4 },
  { name: 'Nyandarua', short: 'NDR', col: 4, row: 4 },
  { name: 'Nyeri', short: 'NYR', col: 5, row: 4 },
  { name: 'Tharaka-Nithi', short: 'THN', col: 6, row: 4 },
  { name: 'Homa Bay', short: 'HBY', col: 0, row: 5 },
  { name: 'Kisumu', short: 'KSM', col: 1, row: 5 },
  { name: 'Kericho', short: 'KER', col: 2, row: 5 },
  { name: "Murang'a", short: 'MRG', col: 4, row: 5 },
  { name: 'Kirinyaga', short: 'KIR', col: 5, row: 5 },
  { name: 'Embu', short: 'EMB', col: 6, row: 5 },
  { name: 'Tana River', short: 'TRV', col: 8, row: 5 },
  { name: 'Migori', short: 'MIG', col: 0, row: 6 },
  { name: 'Kisii', short: 'KSI', col: 1, row: 6 },
  { name: 'Nyamira', short: 'NYM', col: 2, row: 6 },
  { name: 'Bomet', short: 'BMT', col: 3, row: 6 },
  { name: 'Kiambu', short: 'KIA', col: 4, row: 6 },
  { name: 'Machakos', short: 'MAC', col: 5, row: 6 },
  { name: 'Kitui', short: 'KIT', col: 6, row: 6 },
  { name: 'Lamu', short: 'LAM', col: 9, row: 6 },
  { name: 'Narok', short: 'NRK', col: 3, row: 7 },
  { name: 'Nairobi', short: 'NBI', col: 4, row: 7 },
  { name: 'Makueni', short: 'MAK', col: 6, row: 7 },
  { name: 'Kilifi', short: 'KLF', col: 8, row: 7 },
  { name: 'Kajiado', short: 'KJD', col: 4, row: 8 },
  { name: 'Taita-Taveta', short: 'TTV', col: 6, row: 8 },
  { name: 'Kwale', short: 'KWL', col: 7, row: 8 },
  { name: 'Mombasa', short: 'MSA', col: 8, row: 8 },
];

/** Shade step 0–4 of a count against the largest count on the map (0 for none). */
export function shadeStep(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((count / max) * 4)));
}
