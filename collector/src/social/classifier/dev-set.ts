import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { POST_CATEGORIES, POST_LANGUAGES, POST_TOPICS, SENTIMENTS, StimaError } from '@stimawatch/core';
import { z } from 'zod';
import { KENYAN_COUNTIES } from './kenyan-counties';

export const DEV_SET_SPLITS = ['dev', 'test'] as const;
export type DevSetSplit = (typeof DEV_SET_SPLITS)[number];

/** One hand-labelled post of the development set (invented text and handles). */
export const LabelledPostSchema = z.object({
  id: z.string().min(1),
  text: z.string().min(1),
  category: z.enum(POST_CATEGORIES),
  topic: z.enum(POST_TOPICS).nullable(),
  lang: z.enum(POST_LANGUAGES),
  county: z.enum(KENYAN_COUNTIES).nullable(),
  sentiment: z.enum(SENTIMENTS),
  split: z.enum(DEV_SET_SPLITS),
  authorHandle: z.string().optional(),
});
export type LabelledPost = z.infer<typeof LabelledPostSchema>;

export const DEV_SET_PATH = fileURLToPath(new URL('./dev-set.jsonl', import.meta.url));

/** Parses the JSONL development set, failing with the line number of the first bad line. */
export function parseDevSet(jsonl: string): LabelledPost[] {
  const rows: LabelledPost[] = [];
  const lines = jsonl.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]?.trim() ?? '';
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new StimaError('VALIDATION', `dev set line ${index + 1} is not JSON`, { line: index + 1 }, error);
    }
    const parsed = LabelledPostSchema.safeParse(value);
    if (!parsed.success) {
      throw new StimaError('VALIDATION', `dev set line ${index + 1}: ${parsed.error.message}`, {
        line: index + 1,
      });
    }
    rows.push(parsed.data);
  }
  return rows;
}

export function loadDevSet(path: string = DEV_SET_PATH): LabelledPost[] {
  return parseDevSet(readFileSync(path, 'utf8'));
}
