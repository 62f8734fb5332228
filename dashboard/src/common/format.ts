/** Display helpers; pure, so views and tests agree on what a figure looks like. */

const TIME = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
  timeZone: 'Africa/Nairobi',
});
const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  day: '2-digit',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
  timeZone: 'Africa/Nairobi',
});

/** "1 h 05 min", "4 min 09 s", "12 s"; null or negative spans show as an em dash. */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return '—';
  const seconds = Math.floor(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (h > 0) return `${h} h ${pad(m)} min`;
  if (m > 0) return `${m} min ${pad(s)} s`;
  return `${s} s`;
}

/** Clock time in Nairobi (EAT), which is what the utility and its customers read. */
export function formatTime(iso: string | null): string {
  return iso === null ? '—' : TIME.format(new Date(iso));
}

export function formatDateTime(iso: string | null): string {
  return iso === null ? '—' : `${DATE_TIME.format(new Date(iso))} EAT`;
}

export function formatPercent(ratio: number | null, digits = 1): string {
  return ratio === null || !Number.isFinite(ratio) ? '—' : `${(ratio * 100).toFixed(digits)} %`;
}

/** Milliseconds between two ISO times, or null when either is missing. */
export function between(from: string | null, to: string | null): number | null {
  if (from === null || to === null) return null;
  return new Date(to).getTime() - new Date(from).getTime();
}

export function formatCount(value: number | null): string {
  return value === null ? '—' : new Intl.NumberFormat('en-GB').format(value);
}
