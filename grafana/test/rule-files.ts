import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const RULES_DIR = join(REPO_ROOT, 'alerts/prometheus/rules');

export interface RuleExpression {
  file: string;
  /** The `record` or `alert` name. */
  rule: string;
  expr: string;
}

export interface RuleFiles {
  files: string[];
  /** Series names defined by recording rules. */
  recorded: Set<string>;
  expressions: RuleExpression[];
}

interface RuleDocument {
  groups?: { rules?: { record?: string; alert?: string; expr?: string | number }[] }[];
}

/** Reads every `*.yml` rule file under alerts/prometheus/rules (none yet is not an error). */
export function readRuleFiles(dir = RULES_DIR): RuleFiles {
  const files = existsSync(dir) ? readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)) : [];
  const recorded = new Set<string>();
  const expressions: RuleExpression[] = [];
  for (const file of files.sort()) {
    const doc = parse(readFileSync(join(dir, file), 'utf8')) as RuleDocument | null;
    for (const group of doc?.groups ?? []) {
      for (const rule of group.rules ?? []) {
        if (rule.record !== undefined) recorded.add(rule.record);
        if (rule.expr !== undefined) {
          expressions.push({ file, rule: rule.record ?? rule.alert ?? '?', expr: String(rule.expr) });
        }
      }
    }
  }
  return { files, recorded, expressions };
}

/** Where deploy/prometheus/prometheus.yml looks for rules inside the container. */
export const CONTAINER_RULE_FILES_GLOB = '/etc/prometheus/rules/*.yml';
