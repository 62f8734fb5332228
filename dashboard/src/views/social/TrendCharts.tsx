import type { SummaryBucket } from '../../api/wire-types';
import { formatTime } from '../../common/format';

const W = 480;
const H = 120;

/** Complaining authors per 10 minutes (bars) against the hour-of-week baseline (line). */
export function VolumeChart({ buckets }: { buckets: readonly SummaryBucket[] }) {
  const max = Math.max(1, ...buckets.map((b) => Math.max(b.complaintAuthors, b.baseline)));
  const step = W / Math.max(1, buckets.length);
  const y = (value: number) => H - (value / max) * (H - 10);
  const baseline = buckets
    .map((b, i) => `${(i * step + step / 2).toFixed(1)},${y(b.baseline).toFixed(1)}`)
    .join(' ');
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="volume-title">
        <title id="volume-title">
          Complaining authors per 10 minutes against the baseline; latest{' '}
          {buckets.at(-1)?.complaintAuthors ?? 0}
        </title>
        {buckets.map((b, i) => (
          <rect
            key={b.start}
            className="bar-volume"
            x={i * step + 1}
            y={y(b.complaintAuthors)}
            width={Math.max(1, step - 2)}
            height={H - y(b.complaintAuthors)}
          />
        ))}
        <polyline className="line-baseline" points={baseline} fill="none" />
      </svg>
      <figcaption>
        Complaining authors per 10 min (bars) vs baseline (line), {formatTime(buckets[0]?.start ?? null)}–now
      </figcaption>
    </figure>
  );
}

/** Share of negative, neutral and positive posts per 10 minutes, stacked. */
export function SentimentChart({ buckets }: { buckets: readonly SummaryBucket[] }) {
  const step = W / Math.max(1, buckets.length);
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="sentiment-title">
        <title id="sentiment-title">
          Sentiment of posts per 10 minutes (negative, neutral, positive shares)
        </title>
        {buckets.map((b, i) => {
          const total = b.negative + b.neutral + b.positive;
          if (total === 0) return null;
          const neg = (b.negative / total) * H;
          const neu = (b.neutral / total) * H;
          const x = i * step + 1;
          const w = Math.max(1, step - 2);
          return (
            <g key={b.start}>
              <rect className="bar-negative" x={x} y={0} width={w} height={neg} />
              <rect className="bar-neutral" x={x} y={neg} width={w} height={neu} />
              <rect className="bar-positive" x={x} y={neg + neu} width={w} height={H - neg - neu} />
            </g>
          );
        })}
      </svg>
      <figcaption>
        Sentiment per 10 min: <span className="key-negative">negative</span> (top),{' '}
        <span className="key-neutral">neutral</span>, <span className="key-positive">positive</span> (bottom)
      </figcaption>
    </figure>
  );
}
