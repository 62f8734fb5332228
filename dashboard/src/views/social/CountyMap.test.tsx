// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CountyMap } from './CountyMap';
import { COUNTY_GRID_SIZE, COUNTY_TILES, shadeStep } from './county-grid';

afterEach(cleanup);

const KENYAN_COUNTIES_COUNT = 47;

describe('county tile map', () => {
  it('places each of the 47 counties once, on distinct cells inside the grid', () => {
    expect(new Set(COUNTY_TILES.map((tile) => tile.name)).size).toBe(KENYAN_COUNTIES_COUNT);
    expect(new Set(COUNTY_TILES.map((tile) => `${tile.col},${tile.row}`)).size).toBe(KENYAN_COUNTIES_COUNT);
    expect(new Set(COUNTY_TILES.map((tile) => tile.short)).size).toBe(KENYAN_COUNTIES_COUNT);
    for (const tile of COUNTY_TILES) {
      expect(tile.col).toBeLessThan(COUNTY_GRID_SIZE.cols);
      expect(tile.row).toBeLessThan(COUNTY_GRID_SIZE.rows);
    }
  });

  it('shades by count relative to the busiest county', () => {
    expect([shadeStep(0, 10), shadeStep(1, 10), shadeStep(5, 10), shadeStep(10, 10)]).toEqual([0, 1, 2, 4]);
  });

  it('names counts in each tile and selects a county by mouse or keyboard', () => {
    const picked: (string | undefined)[] = [];
    render(
      <CountyMap
        counts={
          new Map([
            ['Nairobi', 12],
            ['Kisumu', 3],
          ])
        }
        selected="Kisumu"
        onSelect={(c) => picked.push(c)}
      />,
    );
    const nairobi = screen.getByRole('button', { name: 'Nairobi: 12 outage complaints' });
    expect(nairobi.getAttribute('class')).toContain('shade-4');
    fireEvent.click(nairobi);
    fireEvent.keyDown(screen.getByRole('button', { name: 'Kisumu: 3 outage complaints' }), { key: 'Enter' });
    expect(picked).toEqual(['Nairobi', undefined]);
    expect(screen.getAllByRole('button')).toHaveLength(KENYAN_COUNTIES_COUNT);
  });
});
