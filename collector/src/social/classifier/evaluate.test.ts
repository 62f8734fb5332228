import type { PostClassification } from '@stimawatch/core';
import { describe, expect, it } from 'vitest';
import type { LabelledPost } from './dev-set';
import { classMetrics, evaluate } from './evaluate';
import { formatEvaluation } from './format-evaluation';

function row(
  id: string,
  category: LabelledPost['category'],
  extra: Partial<LabelledPost> = {},
): LabelledPost {
  return {
    id,
    text: `post ${id}`,
    category,
    topic: category === 'outage_complaint' ? 'power_outage' : null,
    lang: 'en',
    county: null,
    sentiment: 'neutral',
    split: 'dev',
    ...extra,
  };
}

function prediction(category: PostClassification['category'], extra: Partial<PostClassification> = {}) {
  return {
    category,
    topic: category === 'outage_complaint' ? ('power_outage' as const) : null,
    lang: 'en' as const,
    county: null,
    sentiment: 'neutral' as const,
    sentiment_score: 0,
    ...extra,
  };
}

describe('classMetrics', () => {
  it('computes precision, recall and F1 per label', () => {
    const [a, b] = classMetrics(['a', 'b'], ['a', 'a', 'b', 'b'], ['a', 'b', 'b', 'b']);
    expect(a).toEqual({ label: 'a', precision: 1, recall: 0.5, f1: 2 / 3, support: 2, predicted: 1 });
    expect(b?.precision).toBeCloseTo(2 / 3);
    expect(b?.recall).toBe(1);
    expect(b?.f1).toBeCloseTo(0.8);
  });

  it('gives zero rather than NaN for a label never predicted nor present', () => {
    const [c] = classMetrics(['c'], ['a'], ['a']);
    expect(c).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('evaluate', () => {
  it('scores every field and fills the confusion matrix', () => {
    const rows = [
      row('1', 'outage_complaint', { county: 'Nairobi', sentiment: 'negative' }),
      row('2', 'other_complaint'),
      row('3', 'not_complaint', { lang: 'sw' }),
      row('4', 'official'),
    ];
    const predictions: Record<string, PostClassification> = {
      '1': prediction('outage_complaint', {
        county: 'Nairobi',
        sentiment: 'negative',
        sentiment_score: -0.5,
      }),
      '2': prediction('not_complaint'),
      '3': prediction('not_complaint'),
      '4': prediction('official'),
    };
    const report = evaluate(rows, (r) => predictions[r.id] as PostClassification);
    expect(report.size).toBe(4);
    expect(report.categoryAccuracy).toBe(0.75);
    expect(report.languageAccuracy).toBe(0.75);
    expect(report.countyAccuracy).toBe(1);
    expect(report.sentimentAccuracy).toBe(1);
    expect(report.confusion.other_complaint.not_complaint).toBe(1);
    expect(report.confusion.outage_complaint.outage_complaint).toBe(1);
    expect(report.mistakes.map((m) => `${m.id}:${m.field}`)).toEqual(['2:category', '3:lang']);
    const other = report.categories.find((m) => m.label === 'other_complaint');
    expect(other).toMatchObject({ precision: 0, recall: 0, support: 1 });
    expect(report.categoryMacroF1).toBeCloseTo((1 + 0 + 2 / 3 + 1) / 4);
    expect(formatEvaluation('unit', report)).toContain('macro-F1');
  });
});
