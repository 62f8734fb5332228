// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { snapshotFixture } from '../../test-support/fixtures';
import { VendTiles } from './VendTiles';

afterEach(cleanup);

const region = (name: string) => screen.getByRole('region', { name });

describe('VendTiles', () => {
  it('shows the live figures with their tone against last week and the thresholds', () => {
    const now = Date.now();
    render(<VendTiles live={{ snapshot: snapshotFixture(), connected: true, receivedAt: now }} now={now} />);
    const tokens = region('Tokens issued per minute');
    expect(tokens.className).toContain('tone-alert');
    expect(within(tokens).getByText(/Same minute last week: 120 \(−65 %\)/)).toBeTruthy();
    expect(within(tokens).getByText(/this minute so far: 7/)).toBeTruthy();
    expect(within(region('System failure ratio (5 min)')).getByText('12.5 %')).toBeTruthy();
    expect(region('Payments without a token').className).toContain('tone-warn');
    const codes = region('Top error codes (15 min)');
    expect(within(codes).getByText('HSM_UNAVAILABLE, HSMUnavailableEx')).toBeTruthy();
    expect(within(region('Probe status')).getByText('1 failing')).toBeTruthy();
  });

  it('marks figures stale when the stream is down', () => {
    const now = Date.now();
    render(
      <VendTiles
        live={{ snapshot: snapshotFixture(), connected: false, receivedAt: now - 60_000 }}
        now={now}
      />,
    );
    expect(region('Tokens issued per minute').className).toContain('stale');
  });

  it('says it is connecting before the first snapshot', () => {
    render(<VendTiles live={{ snapshot: null, connected: false, receivedAt: null }} now={0} />);
    expect(screen.getByRole('status').textContent).toBe('Connecting to the live stream…');
  });
});
