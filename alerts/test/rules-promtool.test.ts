import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALERT_NAMES } from '@stimawatch/core';
import { afterAll, describe, expect, it } from 'vitest';
import { generatedFiles } from '../prometheus/generated-files';
import { LONG_PROMTOOL_TESTS } from '../prometheus/promtool-suites';
import { renderRulesYaml } from '../prometheus/rules';
import { runAll, runTool, runToolAsync } from '../prometheus/run-tool';

const PROMETHEUS_DIR = join(import.meta.dirname, '..', 'prometheus');
const RULES_DIR = join(PROMETHEUS_DIR, 'rules');
const TESTS_DIR = join(PROMETHEUS_DIR, 'tests');

const ruleFiles = () => readdirSync(RULES_DIR).filter((name) => name.endsWith('.yml'));
const testFiles = () => readdirSync(TESTS_DIR).filter((name) => name.endsWith('.test.yml'));

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('committed Prometheus rules', () => {
  it('match the generator output exactly (run generate-rules.ts after changing a rule)', () => {
    for (const [path, text] of Object.entries(generatedFiles())) {
      expect(readFileSync(join(PROMETHEUS_DIR, path), 'utf8'), `${path} is stale`).toBe(text);
    }
    const generatedRules = Object.keys(generatedFiles()).filter((path) => path.startsWith('rules/'));
    expect(ruleFiles().map((name) => `rules/${name}`)).toEqual(generatedRules.sort());
  });

  it('pass promtool check rules', () => {
    const result = runTool('promtool', ['check', 'rules', ...ruleFiles()], RULES_DIR);
    expect(result.status, result.output).toBe(0);
  });

  it('give every contract alert its own promtool test that expects it to fire', () => {
    const texts = testFiles().map((name) => readFileSync(join(TESTS_DIR, name), 'utf8'));
    for (const alert of ALERT_NAMES) {
      const fires = texts.some(
        (text) =>
          new RegExp(`alertname: ${alert}\\n\\s+exp_alerts:\\n\\s+- exp_labels`).test(text) ||
          text.includes(`ALERTS{alertname="${alert}",severity="page",alertstate="firing"}`),
      );
      expect(fires, `no promtool test expects ${alert} to fire`).toBe(true);
    }
  });

  it('pass their promtool unit tests', async () => {
    const files = testFiles().filter((name) => !LONG_PROMTOOL_TESTS.includes(name));
    expect(files.length).toBeGreaterThanOrEqual(10);
    const results = await runAll(
      files.map((name) => () => runToolAsync('promtool', ['test', 'rules', name], TESTS_DIR)),
      2,
    );
    for (const [index, result] of results.entries()) {
      expect(result.status, `${files[index]}:\n${result.output}`).toBe(0);
    }
  });

  it('stay valid when rendered 20x faster for the end-to-end test', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stimawatch-rules-'));
    tempDirs.push(dir);
    const fast = renderRulesYaml({ timeScale: 20, scrapeIntervalSeconds: 1 });
    writeFileSync(join(dir, 'rules.yml'), fast);
    const result = runTool('promtool', ['check', 'rules', 'rules.yml'], dir);
    expect(result.status, result.output).toBe(0);
    expect(fast).toContain('[15s]');
    expect(fast).not.toContain('[5m]');
  });
});
