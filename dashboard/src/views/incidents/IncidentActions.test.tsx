// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { incidentFixture } from '../../test-support/fixtures';
import { renderSignedIn } from '../../test-support/render-signed-in';
import { IncidentActions } from './IncidentActions';

afterEach(cleanup);

describe('IncidentActions', () => {
  it('shows no acknowledge or resolve button to a viewer', () => {
    renderSignedIn(<IncidentActions incident={incidentFixture()} onChanged={() => undefined} />, {
      role: 'viewer',
    });
    expect(screen.queryByRole('button', { name: 'Acknowledge' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Resolve' })).toBeNull();
  });

  it('lets on-call acknowledge an open incident through the API and reports the change', async () => {
    let changed = 0;
    const { calls } = renderSignedIn(
      <IncidentActions incident={incidentFixture({ ref: 12 })} onChanged={() => changed++} />,
      { role: 'oncall', respond: () => ({ changed: true }) },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Acknowledge' }));
    await waitFor(() => expect(changed).toBe(1));
    expect(calls).toEqual([{ method: 'POST', path: '/v1/incidents/12/ack', body: undefined }]);
  });

  it('offers only resolve once the incident is acknowledged, and shows a refusal as an alert', async () => {
    renderSignedIn(
      <IncidentActions incident={incidentFixture({ status: 'acknowledged' })} onChanged={() => undefined} />,
      {
        role: 'oncall',
        respond: () => {
          throw new Error('incident #7 changed meanwhile; retry');
        },
      },
    );
    expect(screen.queryByRole('button', { name: 'Acknowledge' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Resolve' }));
    expect((await screen.findByRole('alert')).textContent).toBe('incident #7 changed meanwhile; retry');
  });
});
