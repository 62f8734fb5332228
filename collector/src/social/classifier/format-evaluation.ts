import { POST_CATEGORIES } from '@stimawatch/core';
import type { ClassMetrics, EvaluationReport, Mistake } from './evaluate';

function pct(value: number): string {
  return (value * 100).toFixed(1).padStart(6);
}

function metricsTable(title: string, rows: readonly ClassMetrics[]): string[] {
  const lines = [`${title.padEnd(18)} precision  recall      f1  support predicted`];
  for (const row of rows) {
    lines.push(
      `${row.label.padEnd(18)} ${pct(row.precision)}%  ${pct(row.recall)}% ${pct(row.f1)}% ${String(row.support).padStart(8)} ${String(row.predicted).padStart(9)}`,
    );
  }
  return lines;
}

/** A plain-text report: per-class metrics, field accuracies and the category confusion matrix. */
export function formatEvaluation(name: string, report: EvaluationReport): string {
  const lines = [`== ${name}: ${report.size} posts ==`, ...metricsTable('category', report.categories)];
  lines.push(`macro-F1 ${pct(report.categoryMacroF1)}%   accuracy ${pct(report.categoryAccuracy)}%`, '');
  lines.push(...metricsTable('topic', report.topics), '');
  lines.push(
    `language accuracy  ${pct(report.languageAccuracy)}%`,
    `county accuracy    ${pct(report.countyAccuracy)}%`,
    `sentiment accuracy ${pct(report.sentimentAccuracy)}%`,
    '',
    `confusion (rows gold, columns predicted)`,
    `${''.padEnd(18)}${POST_CATEGORIES.map((c) => c.slice(0, 9).padStart(10)).join('')}`,
  );
  for (const gold of POST_CATEGORIES) {
    const cells = POST_CATEGORIES.map((predicted) => String(report.confusion[gold][predicted]).padStart(10));
    lines.push(`${gold.padEnd(18)}${cells.join('')}`);
  }
  return lines.join('\n');
}

export function formatMistakes(mistakes: readonly Mistake[], field?: Mistake['field']): string {
  return mistakes
    .filter((mistake) => field === undefined || mistake.field === field)
    .map((m) => `${m.id} ${m.field}: expected ${m.expected} got ${m.actual} | ${m.text}`)
    .join('\n');
}
