import { COUNTY_GRID_SIZE, COUNTY_TILES, shadeStep } from './county-grid';

const CELL = 44;
const GAP = 3;

/**
 * Outage complaints per county on the schematic tile map; each tile names its county and count (title and
 * accessible name), and the list below the map carries the same figures as text.
 */
export function CountyMap({
  counts,
  selected,
  onSelect,
}: {
  counts: ReadonlyMap<string, number>;
  selected: string | undefined;
  onSelect(county: string | undefined): void;
}) {
  const max = Math.max(0, ...counts.values());
  const width = COUNTY_GRID_SIZE.cols * (CELL + GAP);
  const height = COUNTY_GRID_SIZE.rows * (CELL + GAP);
  return (
    <figure className="county-map">
      <svg viewBox={`0 0 ${width} ${height}`}>
        <title>Outage complaints by county (schematic tile map)</title>
        {COUNTY_TILES.map((tile) => {
          const count = counts.get(tile.name) ?? 0;
          const label = `${tile.name}: ${count} outage complaint${count === 1 ? '' : 's'}`;
          const x = tile.col * (CELL + GAP);
          const y = tile.row * (CELL + GAP);
          return (
            // biome-ignore lint/a11y/useSemanticElements: an SVG tile cannot be a <button>; it gets the role and keys
            <g
              key={tile.name}
              role="button"
              tabIndex={0}
              aria-label={label}
              aria-pressed={selected === tile.name}
              className={`county shade-${shadeStep(count, max)}${selected === tile.name ? ' selected' : ''}`}
              onClick={() => onSelect(selected === tile.name ? undefined : tile.name)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  onSelect(selected === tile.name ? undefined : tile.name);
                }
              }}
            >
              <title>{label}</title>
              <rect x={x} y={y} width={CELL} height={CELL} rx={4} />
              <text x={x + CELL / 2} y={y + 18} textAnchor="middle">
                {tile.short}
              </text>
              <text x={x + CELL / 2} y={y + 35} textAnchor="middle" className="county-count">
                {count > 0 ? count : ''}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        Schematic: one tile per county, placed roughly by location; not to scale. Darker means more outage
        complaints. Select a tile to filter the feed.
      </figcaption>
    </figure>
  );
}
