/** `GET /v1/status`, as the alerts service answers it (public: no people, no incident titles). */
export type ComponentState = 'operational' | 'degraded_performance' | 'major_outage';

export interface StatusPageData {
  updatedAt: string;
  overall: ComponentState;
  components: { id: string; name: string; state: ComponentState; since: string | null }[];
  statements: { id: string; text: string; lang: string; state: string; publishedAt: string }[];
}
