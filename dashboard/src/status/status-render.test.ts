// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderLanguages, renderStatus, type StatusElements } from './status-render';
import type { StatusPageData } from './status-types';

function page(): StatusElements {
  document.body.innerHTML =
    '<p id="overall"></p><ul id="components"></ul><div id="languages"></div><ol id="statements"></ol><span id="updated"></span>';
  const get = (id: string) => document.getElementById(id) as HTMLElement;
  return {
    overall: get('overall'),
    components: get('components'),
    languages: get('languages'),
    statements: get('statements'),
    updated: get('updated'),
  };
}

const data: StatusPageData = {
  updatedAt: '2026-05-04T16:30:00.000Z',
  overall: 'major_outage',
  components: [
    { id: 'token_purchase', name: 'Token purchase via M-Pesa', state: 'operational', since: null },
    {
      id: 'token_delivery',
      name: 'Token delivery',
      state: 'major_outage',
      since: '2026-05-04T16:00:00.000Z',
    },
  ],
  statements: [
    {
      id: 's2',
      text: 'Tunachunguza <b>tatizo</b>',
      lang: 'sw',
      state: 'investigating',
      publishedAt: '2026-05-04T16:12:00.000Z',
    },
    {
      id: 's1',
      text: '<script>alert(1)</script>We are investigating',
      lang: 'en',
      state: 'investigating',
      publishedAt: '2026-05-04T16:10:00.000Z',
    },
  ],
};

describe('status page rendering', () => {
  it('shows component states, times in EAT and statements as plain text', () => {
    const els = page();
    renderStatus(document, els, data, 'all');
    expect(els.overall.textContent).toBe('A token service is down. See the official updates below.');
    expect([...els.components.children].map((li) => li.textContent)).toEqual([
      'Token purchase via M-PesaOperational',
      'Token deliveryMajor outagesince 4 May, 19:00 EAT',
    ]);
    expect(els.statements.querySelector('script, b')).toBeNull();
    expect(els.statements.textContent).toContain('<script>alert(1)</script>We are investigating');
    expect(els.statements.querySelector('time')?.getAttribute('datetime')).toBe('2026-05-04T16:12:00.000Z');
    expect(els.updated.textContent).toBe('4 May, 19:30 EAT');
  });

  it('filters statements by language with pressed-state buttons', () => {
    const els = page();
    const picks: string[] = [];
    renderLanguages(document, els.languages, data, 'sw', (lang) => picks.push(lang));
    const buttons = [...els.languages.querySelectorAll('button')];
    expect(buttons.map((b) => `${b.textContent}:${b.getAttribute('aria-pressed')}`)).toEqual([
      'All:false',
      'Kiswahili:true',
      'English:false',
    ]);
    buttons[2]?.click();
    expect(picks).toEqual(['en']);
    renderStatus(document, els, data, 'en');
    expect(els.statements.children).toHaveLength(1);
    renderStatus(document, els, { ...data, statements: [] }, 'all');
    expect(els.statements.textContent).toBe('No official updates.');
  });
});
