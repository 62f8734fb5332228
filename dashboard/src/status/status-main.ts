import './status.css';
import { renderLanguages, renderStatus, type StatusElements } from './status-render';
import type { StatusPageData } from './status-types';

const REFRESH_MS = 60_000;

function byId(id: string): HTMLElement {
  const node = document.getElementById(id);
  if (node === null) throw new Error(`status.html lacks #${id}`);
  return node;
}

const els: StatusElements = {
  overall: byId('overall'),
  components: byId('components'),
  statements: byId('statements'),
  languages: byId('languages'),
  updated: byId('updated'),
};
let lang = 'all';
let last: StatusPageData | undefined;

function draw(): void {
  if (last === undefined) return;
  renderStatus(document, els, last, lang);
  renderLanguages(document, els.languages, last, lang, (picked) => {
    lang = picked;
    draw();
  });
}

async function refresh(): Promise<void> {
  try {
    const response = await fetch('/v1/status', { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(String(response.status));
    last = (await response.json()) as StatusPageData;
    draw();
  } catch {
    // Keep what is shown; say that it may be old rather than blank the page on a flaky connection.
    if (last === undefined) els.overall.textContent = 'The status could not be loaded. Retrying…';
    else els.updated.textContent += ' (could not refresh)';
  }
}

void refresh();
setInterval(() => void refresh(), REFRESH_MS);
