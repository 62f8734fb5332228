/** Collector self-monitoring metrics beyond the DESIGN section 4 contract (names kept here, beside METRICS). */
export const COLLECTOR_METRICS = {
  ingestDuplicatesTotal: 'stimawatch_ingest_duplicates_total',
  trackingBacklogEvents: 'stimawatch_tracking_backlog_events',
  trackingReplayedTotal: 'stimawatch_tracking_replayed_total',
} as const;
