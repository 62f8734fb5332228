import type * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import { buildExecutiveOverviewDashboard } from './executive-overview-dashboard';
import { buildSocialListeningDashboard } from './social-listening-dashboard';
import { buildVendingOperationsDashboard } from './vending-operations-dashboard';

export interface DashboardSource {
  /** File name under grafana/dashboards/. */
  file: string;
  build: () => dashboard.DashboardBuilder;
}

/** Every provisioned dashboard. Grafana loads each JSON file under grafana/dashboards/. */
export const DASHBOARDS: readonly DashboardSource[] = [
  { file: 'vending-operations.json', build: buildVendingOperationsDashboard },
  { file: 'executive-overview.json', build: buildExecutiveOverviewDashboard },
  { file: 'social-listening.json', build: buildSocialListeningDashboard },
];

/**
 * The dashboard model as file provisioning expects it (no `{dashboard: …}` wrapper), with stable panel ids:
 * the SDK leaves ids unset, and Grafana needs them unique for links and panel state.
 */
export function dashboardModel(source: DashboardSource): dashboard.Dashboard {
  const model = source.build().build();
  let nextId = 1;
  for (const panel of model.panels ?? []) {
    panel.id = nextId++;
    if (panel.type === 'row' && 'panels' in panel) {
      for (const nested of panel.panels) nested.id = nextId++;
    }
  }
  return model;
}

/** File name → JSON text (two-space indent, trailing newline), exactly as committed. */
export function renderDashboards(): Map<string, string> {
  const files = new Map<string, string>();
  for (const source of DASHBOARDS) {
    files.set(source.file, `${JSON.stringify(dashboardModel(source), null, 2)}\n`);
  }
  return files;
}
