import type { AlertName, Service, Severity, Team } from '@stimawatch/core';
import { scaleDuration, scaledSeconds } from './duration';
import type { ResolvedRuleOptions } from './rule-options';

export interface RecordingRule {
  record: string;
  expr: string;
}

export interface AlertingRule {
  alert: AlertName;
  expr: string;
  for?: string;
  labels: { severity: Severity; team: Team; service: Service } & Record<string, string>;
  annotations: { summary: string; description: string; runbook_url: string };
}

export type Rule = RecordingRule | AlertingRule;

export interface RuleGroup {
  name: string;
  rules: Rule[];
}

/** The object a Prometheus rule file holds. */
export interface RuleFile {
  groups: RuleGroup[];
}

export interface AlertSpec {
  alert: AlertName;
  expr: string;
  /** Production duration; scaled by the context. Omit for alerts that fire on the first true evaluation. */
  for?: string;
  severity: Severity;
  team: Team;
  service: Service;
  /** Extra static labels (e.g. which condition of a multi-rule alert matched). */
  labels?: Record<string, string>;
  summary: string;
  description: string;
}

/** What rule builders share: resolved options and the time-scaling helpers. */
export interface RuleContext {
  options: ResolvedRuleOptions;
  /** A production duration (`5m`) scaled to the rendering's time scale (`15s` at 20). */
  window(duration: string): string;
  /** Seconds of a production duration at the rendering's time scale (thresholds on time-valued series). */
  seconds(duration: string): number;
  alert(spec: AlertSpec): AlertingRule;
}

export function createRuleContext(options: ResolvedRuleOptions): RuleContext {
  const base = options.runbookBaseUrl.replace(/\/+$/, '');
  return {
    options,
    window: (duration) => scaleDuration(duration, options.timeScale),
    seconds: (duration) => scaledSeconds(duration, options.timeScale),
    alert(spec) {
      return {
        alert: spec.alert,
        expr: spec.expr,
        ...(spec.for === undefined ? {} : { for: scaleDuration(spec.for, options.timeScale) }),
        labels: { severity: spec.severity, team: spec.team, service: spec.service, ...spec.labels },
        annotations: {
          summary: spec.summary,
          description: spec.description,
          runbook_url: `${base}/${spec.alert}.md`,
        },
      };
    },
  };
}

/** Renders a number for PromQL without float noise (`1 - 0.995` → `0.005`). */
export function num(value: number): string {
  return String(Number(value.toPrecision(12)));
}
