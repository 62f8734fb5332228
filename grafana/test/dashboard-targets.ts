import { DASHBOARDS, dashboardModel } from '../src/dashboards';

export interface DashboardTarget {
  dashboard: string;
  panel: string;
  refId: string;
  expr: string;
  datasourceUid: string | undefined;
}

interface PanelLike {
  type?: string;
  title?: string;
  panels?: PanelLike[];
  targets?: { refId?: string; expr?: string; datasource?: { uid?: string } }[];
}

/** Every PromQL target of every generated dashboard (rows' nested panels included). */
export function dashboardTargets(): DashboardTarget[] {
  const targets: DashboardTarget[] = [];
  for (const source of DASHBOARDS) {
    const model = dashboardModel(source);
    const visit = (panel: PanelLike): void => {
      for (const nested of panel.panels ?? []) visit(nested);
      for (const target of panel.targets ?? []) {
        targets.push({
          dashboard: model.title ?? source.file,
          panel: panel.title ?? '',
          refId: target.refId ?? '',
          expr: target.expr ?? '',
          datasourceUid: target.datasource?.uid,
        });
      }
    };
    for (const panel of (model.panels ?? []) as PanelLike[]) visit(panel);
  }
  return targets;
}

/** The expression of one panel's query, found by dashboard title, panel title and refId. */
export function targetExpr(dashboard: string, panel: string, refId = 'A'): string {
  const found = dashboardTargets().find(
    (t) => t.dashboard === dashboard && t.panel === panel && t.refId === refId,
  );
  if (found === undefined) throw new Error(`no query ${refId} in "${panel}" of "${dashboard}"`);
  return found.expr;
}

/** Grafana's values for the template variables our dashboards use, as a test evaluates them. */
export const TEST_VARIABLES: Readonly<Record<string, string>> = {
  __rate_interval: '5m',
  __range: '1h',
  channel: '.*',
  average_purchase_kes: '500',
};

/** Replaces `$name` and `${name}` as Grafana does before sending a query to Prometheus. */
export function interpolate(
  expr: string,
  variables: Readonly<Record<string, string>> = TEST_VARIABLES,
): string {
  return expr.replace(
    /\$\{(\w+)\}|\$(\w+)/g,
    (whole, braced: string | undefined, bare: string | undefined) => {
      const name = braced ?? bare ?? '';
      const value = variables[name];
      if (value === undefined) throw new Error(`no test value for Grafana variable ${whole}`);
      return value;
    },
  );
}
