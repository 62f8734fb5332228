// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { incidentFixture } from '../../test-support/fixtures';
import { renderSignedIn } from '../../test-support/render-signed-in';
import { StatementEditor } from './StatementEditor';

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

describe('StatementEditor', () => {
  it('prefills English and Kiswahili drafts from the incident', () => {
    renderSignedIn(
      <StatementEditor incident={incidentFixture({ service: 'payments' })} onPublished={() => undefined} />,
    );
    const en = screen.getByLabelText('English draft') as HTMLTextAreaElement;
    const sw = screen.getByLabelText('Kiswahili draft') as HTMLTextAreaElement;
    expect(en.value).toContain('unable to buy tokens through M-Pesa since 19:00');
    expect(sw.value).toContain('hawawezi kununua tokeni kupitia M-Pesa tangu saa 19:00');
  });

  it('publishes each chosen language as a console statement for the incident, posting to X when asked', async () => {
    let published = 0;
    const { calls } = renderSignedIn(
      <StatementEditor incident={incidentFixture({ id: 'inc-9' })} onPublished={() => published++} />,
      {
        role: 'comms',
        xPosting: true,
        respond: () => ({ statement: {}, silencedIncidents: [7], x: { status: 'posted', id: '1' } }),
      },
    );
    fireEvent.change(screen.getByLabelText('Status page state'), { target: { value: 'identified' } });
    fireEvent.change(screen.getByLabelText('English draft'), { target: { value: 'We found it.' } });
    fireEvent.click(screen.getByLabelText('Publish the Kiswahili statement'));
    fireEvent.click(screen.getByRole('button', { name: 'Publish' }));
    await waitFor(() => expect(published).toBe(1));
    expect(calls).toEqual([
      {
        method: 'POST',
        path: '/v1/statements?x=1',
        body: {
          text: 'We found it.',
          lang: 'en',
          state: 'identified',
          source: 'console',
          incidentId: 'inc-9',
        },
      },
    ]);
    expect(screen.getByText('English statement published; posted to X.')).toBeTruthy();
  });

  it('lets an on-call engineer draft but not publish', () => {
    renderSignedIn(<StatementEditor incident={undefined} onPublished={() => undefined} />, {
      role: 'oncall',
    });
    expect(screen.queryByRole('button', { name: 'Publish' })).toBeNull();
    expect(screen.getByText('Your role can draft but not publish statements.')).toBeTruthy();
  });

  it('keeps edited templates in the browser and uses them for the drafts', () => {
    renderSignedIn(<StatementEditor incident={incidentFixture()} onPublished={() => undefined} />);
    fireEvent.change(screen.getByLabelText('English template'), {
      target: { value: 'Custom: {service} down since {since}.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save templates' }));
    expect((screen.getByLabelText('English draft') as HTMLTextAreaElement).value).toBe(
      'Custom: token delivery down since 19:00.',
    );
    expect(window.localStorage.getItem('stimawatch.statement-templates.v1')).toContain('Custom: {service}');
  });
});
