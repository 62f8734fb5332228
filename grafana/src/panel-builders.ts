import * as common from '@grafana/grafana-foundation-sdk/common';
import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import { DataqueryBuilder } from '@grafana/grafana-foundation-sdk/prometheus';
import { PanelBuilder as StatPanelBuilder } from '@grafana/grafana-foundation-sdk/stat';
import { PanelBuilder as TimeseriesPanelBuilder } from '@grafana/grafana-foundation-sdk/timeseries';

/** Must equal the uid in grafana/provisioning/datasources/prometheus.yaml. */
export const PROMETHEUS_DATASOURCE = { type: 'prometheus', uid: 'prometheus' } as const;

export interface PanelQuery {
  expr: string;
  /** Grafana legend template, e.g. `{{stage}} · {{channel}}`. */
  legend?: string;
  /** Evaluate once at the end of the range (stat panels over `$__range`). */
  instant?: boolean;
}

/** A threshold step: the colour applies from `from` upwards; the first step starts at minus infinity. */
export interface ThresholdStep {
  from: number | null;
  color: string;
}

export interface PanelOptions {
  title: string;
  description: string;
  queries: readonly PanelQuery[];
  /** Grafana unit id (`s`, `percentunit`, `opm`, `prefix:KSh `, …). */
  unit?: string;
  min?: number;
  max?: number;
  decimals?: number;
  /** Grid width (24 = full width) and height. */
  width?: number;
  height?: number;
  thresholds?: readonly ThresholdStep[];
  mappings?: dashboard.ValueMapping[];
  /** Panel relative time override such as `now/w`. */
  timeFrom?: string;
}

export interface TimeseriesOptions extends PanelOptions {
  /** Draw the thresholds as dashed lines (SLO limits, floors). */
  showThresholds?: boolean;
  /** Legend as a table with these reductions (`mean`, `max`, `lastNotNull`). */
  legendCalcs?: string[];
}

const REF_IDS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export function promQuery(query: PanelQuery, index: number): DataqueryBuilder {
  const builder = new DataqueryBuilder()
    .datasource(PROMETHEUS_DATASOURCE)
    .expr(query.expr)
    .refId(REF_IDS.charAt(index))
    .legendFormat(query.legend ?? '__auto');
  return query.instant ? builder.instant() : builder.range();
}

function thresholdsConfig(steps: readonly ThresholdStep[] | undefined): dashboard.ThresholdsConfigBuilder {
  const list = steps ?? [{ from: null, color: 'green' }];
  return new dashboard.ThresholdsConfigBuilder()
    .mode(dashboard.ThresholdsMode.Absolute)
    .steps(list.map((step) => ({ value: step.from, color: step.color })));
}

/** A time series panel with a visible legend (the SDK hides legends by default). */
export function timeseriesPanel(options: TimeseriesOptions): TimeseriesPanelBuilder {
  const legend = new common.VizLegendOptionsBuilder()
    .showLegend(true)
    .placement(common.LegendPlacement.Bottom)
    .displayMode(options.legendCalcs ? common.LegendDisplayMode.Table : common.LegendDisplayMode.List)
    .calcs(options.legendCalcs ?? []);
  const panel = new TimeseriesPanelBuilder()
    .title(options.title)
    .description(options.description)
    .datasource(PROMETHEUS_DATASOURCE)
    .span(options.width ?? 12)
    .height(options.height ?? 8)
    .legend(legend)
    .tooltip(new common.VizTooltipOptionsBuilder().mode(common.TooltipDisplayMode.Multi))
    .thresholds(thresholdsConfig(options.thresholds))
    .thresholdsStyle(
      new common.GraphThresholdsStyleConfigBuilder().mode(
        options.showThresholds ? common.GraphThresholdsStyleMode.Dashed : common.GraphThresholdsStyleMode.Off,
      ),
    )
    .fillOpacity(10)
    .lineWidth(1);
  applyCommon(panel, options);
  options.queries.forEach((query, index) => {
    panel.withTarget(promQuery(query, index));
  });
  return panel;
}

/** A single-value panel showing the last value of each query, coloured by its thresholds. */
export function statPanel(options: PanelOptions): StatPanelBuilder {
  const panel = new StatPanelBuilder()
    .title(options.title)
    .description(options.description)
    .datasource(PROMETHEUS_DATASOURCE)
    .span(options.width ?? 6)
    .height(options.height ?? 5)
    .reduceOptions(new common.ReduceDataOptionsBuilder().calcs(['lastNotNull']).values(false))
    .graphMode(common.BigValueGraphMode.None)
    .colorMode(common.BigValueColorMode.Value)
    .textMode(
      options.queries.length > 1 ? common.BigValueTextMode.ValueAndName : common.BigValueTextMode.Auto,
    )
    .thresholds(thresholdsConfig(options.thresholds));
  applyCommon(panel, options);
  options.queries.forEach((query, index) => {
    panel.withTarget(promQuery(query, index));
  });
  return panel;
}

function applyCommon(panel: TimeseriesPanelBuilder | StatPanelBuilder, options: PanelOptions): void {
  if (options.unit !== undefined) panel.unit(options.unit);
  if (options.min !== undefined) panel.min(options.min);
  if (options.max !== undefined) panel.max(options.max);
  if (options.decimals !== undefined) panel.decimals(options.decimals);
  if (options.mappings !== undefined) panel.mappings(options.mappings);
  if (options.timeFrom !== undefined) panel.timeFrom(options.timeFrom);
}

/** Value mapping for 0/1 health gauges (`up`, `*_source_up`, `*_redis_up`). */
export function upDownMappings(): dashboard.ValueMapping[] {
  return [
    {
      type: dashboard.MappingType.ValueToText,
      options: {
        '0': { text: 'DOWN', color: 'red', index: 0 },
        '1': { text: 'UP', color: 'green', index: 1 },
      },
    },
  ];
}

/** Value mapping for the synthetic probe's 0/1 success gauge. */
export function passFailMappings(): dashboard.ValueMapping[] {
  return [
    {
      type: dashboard.MappingType.ValueToText,
      options: {
        '0': { text: 'FAILING', color: 'red', index: 0 },
        '1': { text: 'PASSING', color: 'green', index: 1 },
      },
    },
  ];
}

/** A dashboard shell shared by the three dashboards: tags, refresh, time range, timezone. */
export function dashboardShell(uid: string, title: string, description: string): dashboard.DashboardBuilder {
  return new dashboard.DashboardBuilder(title)
    .uid(uid)
    .description(description)
    .tags(['stimawatch', 'generated'])
    .editable()
    .refresh('30s')
    .time({ from: 'now-6h', to: 'now' })
    .timezone('browser');
}
