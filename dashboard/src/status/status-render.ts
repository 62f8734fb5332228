import type { ComponentState, StatusPageData } from './status-types';

/** Renders the status page into existing elements. Every string goes in as text, never as HTML. */

const STATE_LABEL: Record<ComponentState, string> = {
  operational: 'Operational',
  degraded_performance: 'Degraded',
  major_outage: 'Major outage',
};
const OVERALL_TEXT: Record<ComponentState, string> = {
  operational: 'All token services are working normally.',
  degraded_performance: 'Some token services are having problems.',
  major_outage: 'A token service is down. See the official updates below.',
};
const STATEMENT_STATE: Record<string, string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
};
const LANG_LABEL: Record<string, string> = { en: 'English', sw: 'Kiswahili' };

const CLOCK = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
  timeZone: 'Africa/Nairobi',
});

export function formatEat(iso: string): string {
  return `${CLOCK.format(new Date(iso))} EAT`;
}

function element<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export interface StatusElements {
  overall: HTMLElement;
  components: HTMLElement;
  statements: HTMLElement;
  languages: HTMLElement;
  updated: HTMLElement;
}

export function renderStatus(doc: Document, els: StatusElements, data: StatusPageData, lang: string): void {
  els.overall.textContent = OVERALL_TEXT[data.overall] ?? data.overall;
  els.overall.className = `overall state-${data.overall}`;
  els.components.replaceChildren(
    ...data.components.map((component) => {
      const item = element(doc, 'li', `component state-${component.state}`);
      item.append(
        element(doc, 'span', 'component-name', component.name),
        element(doc, 'span', 'component-state', STATE_LABEL[component.state] ?? component.state),
      );
      if (component.since !== null && component.state !== 'operational') {
        item.append(element(doc, 'span', 'component-since', `since ${formatEat(component.since)}`));
      }
      return item;
    }),
  );
  const shown = data.statements.filter((statement) => lang === 'all' || statement.lang === lang);
  els.statements.replaceChildren(
    ...(shown.length === 0
      ? [element(doc, 'li', 'empty', 'No official updates.')]
      : shown.map((statement) => {
          const item = element(doc, 'li', `statement state-${statement.state}`);
          const head = element(doc, 'p', 'statement-head');
          const time = element(doc, 'time', 'statement-time', formatEat(statement.publishedAt));
          time.setAttribute('datetime', statement.publishedAt);
          head.append(
            element(doc, 'strong', 'statement-state', STATEMENT_STATE[statement.state] ?? statement.state),
            time,
          );
          const text = element(doc, 'p', 'statement-text', statement.text);
          text.lang = statement.lang;
          item.append(head, text);
          return item;
        })),
  );
  els.updated.textContent = formatEat(data.updatedAt);
}

/** Language buttons: all, then each language present in the statements. */
export function renderLanguages(
  doc: Document,
  container: HTMLElement,
  data: StatusPageData,
  current: string,
  onPick: (lang: string) => void,
): void {
  const langs = ['all', ...new Set(data.statements.map((statement) => statement.lang))];
  container.replaceChildren(
    ...(langs.length <= 2
      ? []
      : langs.map((lang) => {
          const button = element(doc, 'button', 'lang', lang === 'all' ? 'All' : (LANG_LABEL[lang] ?? lang));
          button.type = 'button';
          button.setAttribute('aria-pressed', String(lang === current));
          button.addEventListener('click', () => onPick(lang));
          return button;
        })),
  );
}
