import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ALERT_NAMES, METRICS, SERVICES, SEVERITIES, TEAMS } from '@stimawatch/core';
import { describe, expect, it } from 'vitest';
import { parseDuration } from './duration';
import type { AlertingRule, Rule } from './rule-context';
import { DEFAULT_RUNBOOK_BASE_URL, MIN_RATE_WINDOW_SECONDS } from './rule-options';
import { renderRuleGroups, renderRulesYaml } from './rules';

const RUNBOOKS_DIR = join(import.meta.dirname, '..', '..', 'docs', 'runbooks');

const rules = (options = {}): Rule[] => renderRuleGroups(options).groups.flatMap((group) => group.rules);
const alerts = (options = {}): AlertingRule[] =>
  rules(options).filter((rule): rule is AlertingRule => 'alert' in rule);
const windowsIn = (expr: string) => [...expr.matchAll(/\[(\w+)\]/g)].map((match) => match[1] ?? '');

describe('rule generator', () => {
  it('has a rule for every contract alert, labelled from the contract vocabularies', () => {
    const rendered = alerts();
    expect(new Set(rendered.map((rule) => rule.alert))).toEqual(new Set(ALERT_NAMES));
    for (const rule of rendered) {
      expect(SEVERITIES).toContain(rule.labels.severity);
      expect(TEAMS).toContain(rule.labels.team);
      expect(SERVICES).toContain(rule.labels.service);
      expect(rule.annotations.summary.length).toBeGreaterThan(10);
      expect(rule.annotations.description.length).toBeGreaterThan(20);
      expect(rule.annotations.runbook_url).toBe(`${DEFAULT_RUNBOOK_BASE_URL}/${rule.alert}.md`);
    }
  });

  it('links a runbook that exists in docs/runbooks for every alert', () => {
    for (const alert of ALERT_NAMES) expect(existsSync(join(RUNBOOKS_DIR, `${alert}.md`)), alert).toBe(true);
  });

  it('uses a configured runbook base URL', () => {
    const [first] = alerts({ runbookBaseUrl: 'https://wiki.example.org/runbooks/' });
    expect(first?.annotations.runbook_url).toMatch(/^https:\/\/wiki\.example\.org\/runbooks\/\w+\.md$/);
  });

  it('aggregates Redis-backed gauges with max, never sum (every replica exports the same value)', () => {
    const gauges = [
      METRICS.paymentsWithoutToken,
      METRICS.lastTokenIssuedTimestampSeconds,
      METRICS.socialComplaintAuthors,
      METRICS.socialSourceUp,
      METRICS.commsSilenceSeconds,
    ];
    const exprs = rules().map((rule) => rule.expr);
    for (const gauge of gauges) {
      const uses = exprs.filter((expr) => expr.includes(gauge));
      expect(uses.length, gauge).toBeGreaterThan(0);
      for (const expr of uses) expect(expr).toMatch(new RegExp(`max(?: by \\(\\w+\\) )?\\(${gauge}`));
    }
  });

  it('derives burn-rate thresholds from the SLO objective', () => {
    const yaml = renderRulesYaml({ sloObjective: 0.999 });
    expect(yaml).toContain('stimawatch:vend_system_error_ratio:rate1h > (14.4 * 0.001)');
    expect(yaml).toContain('stimawatch:vend_system_error_ratio:rate3d > (1 * 0.001)');
    expect(renderRulesYaml()).toContain('stimawatch:vend_system_error_ratio:rate5m > (14.4 * 0.005)');
  });

  it('divides every window, for, offset and time threshold by the time scale', () => {
    const slow = rules();
    const fast = rules({ timeScale: 20 });
    expect(fast.length).toBe(slow.length);
    for (const [index, rule] of slow.entries()) {
      const scaled = fast[index];
      const pairs = windowsIn(rule.expr).map((window, i) => [window, windowsIn(scaled?.expr ?? '')[i]]);
      for (const [window, fastWindow] of pairs) {
        expect(parseDuration(fastWindow ?? '')).toBe(parseDuration(window ?? '') / 20);
      }
      if ('for' in rule && rule.for !== undefined && scaled !== undefined && 'for' in scaled) {
        expect(parseDuration(scaled.for ?? '')).toBe(parseDuration(rule.for) / 20);
      }
    }
    const fastYaml = renderRulesYaml({ timeScale: 20 });
    expect(fastYaml).toContain('offset 504m');
    expect(fastYaml).toContain('max(stimawatch_comms_silence_seconds) > 45');
    expect(fastYaml).toContain('max(stimawatch_last_token_issued_timestamp_seconds) > 15');
    // Recording rule names keep their production windows so dashboards read the same names.
    expect(fastYaml).toContain('record: stimawatch:vend_system_error_ratio:rate5m');
  });

  it('keeps every rate window at 4 or more scrapes for the end-to-end test (timeScale 20, 1 s scrape)', () => {
    const shortest = Math.min(
      ...rules({ timeScale: 20 }).flatMap((rule) => windowsIn(rule.expr).map(parseDuration)),
    );
    expect(shortest).toBe((MIN_RATE_WINDOW_SECONDS * 1000) / 20);
    expect(shortest).toBeGreaterThanOrEqual(4_000);
  });

  it('refuses a time scale that would starve rate windows at the given scrape interval', () => {
    expect(() => renderRuleGroups({ timeScale: 20, scrapeIntervalSeconds: 1 })).not.toThrow();
    expect(() => renderRuleGroups({ timeScale: 40, scrapeIntervalSeconds: 1 })).toThrow(/timeScale <= 30/);
    expect(() => renderRuleGroups({ timeScale: 0 })).toThrow(/timeScale/);
    expect(() => renderRuleGroups({ sloObjective: 1.2 })).toThrow(/sloObjective/);
  });
});
