// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { incidentFixture } from '../../test-support/fixtures';
import { SilenceTimer } from './SilenceTimer';

afterEach(cleanup);

const opened = Date.parse('2026-05-04T16:00:00.000Z');

describe('SilenceTimer', () => {
  it('counts the silence since the alert and flags it past the limit', () => {
    const { rerender } = render(
      <SilenceTimer incident={incidentFixture()} now={opened + 5 * 60_000} limitMinutes={15} />,
    );
    expect(screen.getByRole('timer').textContent).toBe('Silent for 5 min 00 s (limit 15 min)');
    rerender(
      <SilenceTimer incident={incidentFixture()} now={opened + 16 * 60_000 + 9_000} limitMinutes={15} />,
    );
    expect(screen.getByRole('timer').className).toContain('silence-overdue');
    expect(screen.getByRole('timer').textContent).toBe('Silent for 16 min 09 s — over the 15-minute limit');
  });

  it('stops once the first statement is out', () => {
    render(
      <SilenceTimer
        incident={incidentFixture({ firstStatementAt: '2026-05-04T16:12:30.000Z' })}
        now={opened + 60 * 60_000}
        limitMinutes={15}
      />,
    );
    expect(screen.queryByRole('timer')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe(
      'Silence timer stopped: first statement 12 min 30 s after the alert.',
    );
  });
});
