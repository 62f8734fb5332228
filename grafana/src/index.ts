export { DASHBOARDS, type DashboardSource, dashboardModel, renderDashboards } from './dashboards';
export {
  exportedSeriesNames,
  HISTOGRAM_METRICS,
  PROMETHEUS_SYNTHETIC_SERIES,
  serviceMetricNames,
} from './exported-metrics';
export { PROMETHEUS_DATASOURCE } from './panel-builders';
export { extractMetricNames } from './promql-metric-names';
export { ERROR_BUDGET, SLO_TARGET } from './vend-queries';
