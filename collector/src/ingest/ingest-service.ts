import type { VendEvent } from '@stimawatch/core';
import type { CollectorMetrics } from '../metrics/collector-metrics';

/** What ingest needs from attempt tracking: per event, is it new (true) or a replay (false). */
export interface EventTracker {
  track(events: readonly VendEvent[]): Promise<boolean[]>;
}

/** What ingest feeds with events counted once (the console's rolling aggregates). */
export interface EventSink {
  record(events: readonly VendEvent[]): void;
}

export interface IngestResult {
  accepted: number;
  duplicates: number;
}

export interface IngestService {
  /** Tracks then counts valid events; replays are acknowledged but not counted again. */
  ingest(events: readonly VendEvent[], source: string): Promise<IngestResult>;
}

export function createIngestService(deps: {
  tracker: EventTracker;
  metrics: CollectorMetrics;
  sink: EventSink;
  now?: () => number;
}): IngestService {
  const now = deps.now ?? Date.now;
  return {
    async ingest(events, source) {
      if (events.length === 0) return { accepted: 0, duplicates: 0 };
      const isNew = await deps.tracker.track(events);
      const fresh = events.filter((_, index) => isNew[index] !== false);
      const duplicates = events.length - fresh.length;
      deps.metrics.recordEvents(fresh, now());
      deps.sink.record(fresh);
      deps.metrics.accepted(source, fresh.length);
      deps.metrics.duplicates(duplicates);
      return { accepted: fresh.length, duplicates };
    },
  };
}
