import { useMemo, useState } from 'react';
import type { MentionPage, MentionSummary } from '../../api/wire-types';
import { useSignedIn } from '../../auth/session-context';
import { usePolling } from '../../common/use-polling';
import { CountyMap } from './CountyMap';
import { MentionFeed } from './MentionFeed';
import { EMPTY_FILTER, type FeedFilter, feedQuery, MentionFilters } from './MentionFilters';
import { SentimentChart, VolumeChart } from './TrendCharts';

const DAY_MS = 24 * 3_600_000;

export function SocialView() {
  const { api } = useSignedIn();
  const [filter, setFilter] = useState<FeedFilter>(EMPTY_FILTER);
  const query = feedQuery(filter, 'newest', 50);
  const feed = usePolling(() => api.get<MentionPage>(`/v1/mentions?${query}`), 5000, query);
  const loudQuery = `${feedQuery(filter, 'reach', 10)}&since=${Math.floor(Date.now() / 60_000) * 60_000 - DAY_MS}`;
  const loudest = usePolling(
    () => api.get<MentionPage>(`/v1/mentions?${loudQuery}`),
    30_000,
    feedQuery(filter, 'reach', 10),
  );
  const summary = usePolling(
    () => api.get<MentionSummary>(`/v1/mentions/summary?since=${Date.now() - 6 * 3_600_000}`),
    30_000,
  );
  const dailySummary = usePolling(() => api.get<MentionSummary>('/v1/mentions/summary'), 60_000);
  const counts = useMemo(
    () => new Map((dailySummary.data?.byCounty ?? []).map((c) => [c.county, c.outageComplaints])),
    [dailySummary.data],
  );
  const errors = [feed.error, loudest.error, summary.error, dailySummary.error].filter(
    (e): e is string => e !== null,
  );
  return (
    <div className="view social-view">
      <h1 className="view-title">Social</h1>
      <div className="social-grid">
        <section className="panel" aria-labelledby="map-title">
          <h2 id="map-title">Outage complaints by county (24 h)</h2>
          <CountyMap
            counts={counts}
            selected={filter.county || undefined}
            onSelect={(county) => setFilter({ ...filter, county: county ?? '' })}
          />
        </section>
        <section className="panel" aria-labelledby="trend-title">
          <h2 id="trend-title">Volume and sentiment (6 h)</h2>
          {summary.data === undefined ? (
            <p role="status">Loading…</p>
          ) : (
            <>
              <VolumeChart buckets={summary.data.buckets} />
              <SentimentChart buckets={summary.data.buckets} />
            </>
          )}
        </section>
      </div>
      <MentionFilters filter={filter} onChange={setFilter} />
      {errors.map((message) => (
        <p key={message} className="form-error" role="alert">
          {message}
        </p>
      ))}
      <div className="social-grid">
        <section className="panel" aria-labelledby="feed-title">
          <h2 id="feed-title">Live feed</h2>
          {feed.data === undefined ? (
            <p role="status">Loading…</p>
          ) : (
            <MentionFeed mentions={feed.data.items} label="Newest mentions" />
          )}
        </section>
        <section className="panel" aria-labelledby="loudest-title">
          <h2 id="loudest-title">Loudest posts (24 h, by reach)</h2>
          {loudest.data === undefined ? (
            <p role="status">Loading…</p>
          ) : (
            <MentionFeed mentions={loudest.data.items} label="Loudest mentions" />
          )}
        </section>
      </div>
    </div>
  );
}
