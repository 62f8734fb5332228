import { POST_CATEGORIES, POST_TOPICS, type PostCategory, type PostClassification } from '@stimawatch/core';
import type { LabelledPost } from './dev-set';

export interface ClassMetrics {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  /** Posts whose gold label is this one. */
  support: number;
  /** Posts predicted as this label. */
  predicted: number;
}

export interface Mistake {
  id: string;
  text: string;
  field: 'category' | 'topic' | 'lang' | 'county' | 'sentiment';
  expected: string | null;
  actual: string | null;
}

export interface EvaluationReport {
  size: number;
  categories: ClassMetrics[];
  categoryMacroF1: number;
  categoryAccuracy: number;
  /** Per topic over all posts (a post without a topic counts as neither). */
  topics: ClassMetrics[];
  languageAccuracy: number;
  countyAccuracy: number;
  sentimentAccuracy: number;
  /** confusion[gold][predicted] = count. */
  confusion: Record<PostCategory, Record<PostCategory, number>>;
  mistakes: Mistake[];
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

/** Precision, recall and F1 of each label, from parallel gold and predicted label lists. */
export function classMetrics<L extends string>(
  labels: readonly L[],
  gold: readonly (L | null)[],
  predicted: readonly (L | null)[],
): ClassMetrics[] {
  return labels.map((label) => {
    let truePositive = 0;
    let support = 0;
    let predictedCount = 0;
    for (let i = 0; i < gold.length; i++) {
      const isGold = gold[i] === label;
      const isPredicted = predicted[i] === label;
      if (isGold) support++;
      if (isPredicted) predictedCount++;
      if (isGold && isPredicted) truePositive++;
    }
    const precision = ratio(truePositive, predictedCount);
    const recall = ratio(truePositive, support);
    const f1 = ratio(2 * precision * recall, precision + recall);
    return { label, precision, recall, f1, support, predicted: predictedCount };
  });
}

function emptyConfusion(): Record<PostCategory, Record<PostCategory, number>> {
  const matrix = {} as Record<PostCategory, Record<PostCategory, number>>;
  for (const gold of POST_CATEGORIES) {
    matrix[gold] = {} as Record<PostCategory, number>;
    for (const predicted of POST_CATEGORIES) matrix[gold][predicted] = 0;
  }
  return matrix;
}

/** Runs the classifier over labelled posts and scores every output field against the labels. */
export function evaluate(
  rows: readonly LabelledPost[],
  classify: (row: LabelledPost) => PostClassification,
): EvaluationReport {
  const predictions = rows.map(classify);
  const confusion = emptyConfusion();
  const mistakes: Mistake[] = [];
  let categoryHits = 0;
  let langHits = 0;
  let countyHits = 0;
  let sentimentHits = 0;
  rows.forEach((row, i) => {
    const got = predictions[i] as PostClassification;
    confusion[row.category][got.category] += 1;
    const check = (field: Mistake['field'], expected: string | null, actual: string | null): boolean => {
      if (expected === actual) return true;
      mistakes.push({ id: row.id, text: row.text, field, expected, actual });
      return false;
    };
    if (check('category', row.category, got.category)) categoryHits++;
    check('topic', row.topic, got.topic);
    if (check('lang', row.lang, got.lang)) langHits++;
    if (check('county', row.county, got.county)) countyHits++;
    if (check('sentiment', row.sentiment, got.sentiment)) sentimentHits++;
  });
  const categories = classMetrics(
    POST_CATEGORIES,
    rows.map((row) => row.category),
    predictions.map((p) => p.category),
  );
  const topics = classMetrics(
    POST_TOPICS,
    rows.map((row) => row.topic),
    predictions.map((p) => p.topic),
  );
  return {
    size: rows.length,
    categories,
    categoryMacroF1: ratio(
      categories.reduce((sum, metrics) => sum + metrics.f1, 0),
      categories.length,
    ),
    categoryAccuracy: ratio(categoryHits, rows.length),
    topics,
    languageAccuracy: ratio(langHits, rows.length),
    countyAccuracy: ratio(countyHits, rows.length),
    sentimentAccuracy: ratio(sentimentHits, rows.length),
    confusion,
    mistakes,
  };
}
