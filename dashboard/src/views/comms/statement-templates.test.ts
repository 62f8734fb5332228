import { describe, expect, it } from 'vitest';
import { incidentFixture } from '../../test-support/fixtures';
import { DEFAULT_TEMPLATES, fillTemplate, loadTemplates, xLength } from './statement-templates';

const now = new Date('2026-05-04T16:20:00.000Z');

describe('statement templates', () => {
  it('fills every placeholder of every default template, in both languages', () => {
    for (const state of Object.values(DEFAULT_TEMPLATES)) {
      for (const lang of ['en', 'sw'] as const) {
        const text = fillTemplate(state[lang], lang, incidentFixture({ service: 'vending' }), now);
        expect(text).not.toMatch(/\{\w+\}/);
        expect(xLength(text)).toBeLessThanOrEqual(280);
      }
    }
  });

  it('names the affected service and times in Nairobi', () => {
    expect(
      fillTemplate('{service} {since} {next} {now}', 'sw', incidentFixture({ service: 'payments' }), now),
    ).toBe('ununuzi wa tokeni kupitia M-Pesa 19:00 19:50 19:20');
    expect(fillTemplate('{problem} {unknown}', 'en', undefined, now)).toBe('buy or receive tokens {unknown}');
  });

  it('falls back to the defaults when saved templates are unreadable', () => {
    expect(loadTemplates({ getItem: () => '{not json' })).toEqual(DEFAULT_TEMPLATES);
    const saved = loadTemplates({ getItem: () => JSON.stringify({ resolved: { en: 'Fixed.', sw: 42 } }) });
    expect(saved.resolved).toEqual({ en: 'Fixed.', sw: DEFAULT_TEMPLATES.resolved.sw });
  });
});
