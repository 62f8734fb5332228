import type { SqlQueryable } from '@stimawatch/core/db';
import { listUnresolvedIncidents } from '../store/incident-store';
import { listStatements } from '../store/statement-store';

export type ComponentState = 'operational' | 'degraded_performance' | 'major_outage';

/** Public components and the incident services that affect them (internal services stay off the page). */
export const STATUS_COMPONENTS = [
  { id: 'token_purchase', name: 'Token purchase via M-Pesa', services: ['payments'] },
  { id: 'token_delivery', name: 'Token delivery', services: ['vending'] },
  { id: 'power_supply_reports', name: 'Power-supply reports', services: ['social'] },
] as const;

export interface StatusPageData {
  updatedAt: Date;
  overall: ComponentState;
  components: { id: string; name: string; state: ComponentState; since: Date | null }[];
  statements: { id: string; text: string; lang: string; state: string; publishedAt: Date }[];
}

const RANK: Record<ComponentState, number> = { operational: 0, degraded_performance: 1, major_outage: 2 };

/**
 * What the public may see: component states derived from unresolved incidents (a page-severity incident is a
 * major outage, a ticket a degradation) and the latest statements. No incident titles or people.
 */
export async function statusPage(db: SqlQueryable, now: Date): Promise<StatusPageData> {
  const [incidents, statements] = await Promise.all([
    listUnresolvedIncidents(db),
    listStatements(db, { limit: 10 }),
  ]);
  const components = STATUS_COMPONENTS.map((component) => {
    const affecting = incidents.filter((incident) =>
      (component.services as readonly string[]).includes(incident.service),
    );
    const state: ComponentState = affecting.some((i) => i.severity === 'page')
      ? 'major_outage'
      : affecting.length > 0
        ? 'degraded_performance'
        : 'operational';
    const since = affecting.reduce<Date | null>((earliest, i) => {
      const start = i.reopenedAt ?? i.openedAt;
      return earliest === null || start < earliest ? start : earliest;
    }, null);
    return { id: component.id, name: component.name, state, since };
  });
  const overall = components.reduce<ComponentState>(
    (worst, component) => (RANK[component.state] > RANK[worst] ? component.state : worst),
    'operational',
  );
  return {
    updatedAt: now,
    overall,
    components,
    statements: statements.map((s) => ({
      id: s.id,
      text: s.text,
      lang: s.lang,
      state: s.statusPageState,
      publishedAt: s.publishedAt,
    })),
  };
}
