// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { mentionFixture } from '../../test-support/fixtures';
import { MentionFeed } from './MentionFeed';

afterEach(cleanup);

describe('MentionFeed', () => {
  it('renders post text containing markup as text, never as elements', () => {
    const hostile = '<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2"> token yangu?';
    const { container } = render(
      <MentionFeed mentions={[mentionFixture({ text: hostile })]} label="Newest" />,
    );
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText(hostile).textContent).toBe(hostile);
  });

  it('shows category, language, county, sentiment and reach, and links only https posts', () => {
    render(
      <MentionFeed
        mentions={[mentionFixture(), mentionFixture({ id: 2, url: 'javascript:alert(1)', county: null })]}
        label="Newest"
      />,
    );
    const items = screen.getAllByRole('listitem');
    expect(items[0]?.textContent).toContain('outage complaint');
    expect(items[0]?.textContent).toContain('sw');
    expect(items[0]?.textContent).toContain('Nairobi');
    expect(items[0]?.textContent).toContain('reach 1,200');
    expect(screen.getAllByRole('link', { name: 'open on X' })).toHaveLength(1);
  });
});
