import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { z } from 'zod';
import { classifyPost } from './classify-post';

/** One input line of the classifier CLI; the author fields are optional extras. */
export const ClassifyInputSchema = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  authorHandle: z.string().optional(),
  isOfficialAccount: z.boolean().optional(),
});

export interface ClassifyStreamResult {
  /** Lines classified and written. */
  classified: number;
  /** Non-blank lines rejected (bad JSON or shape), each reported on the error stream. */
  rejected: number;
}

function describe(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'line'}: ${issue.message}`).join('; ');
}

/** Writes, honouring back-pressure so a slow reader of stdout does not make us buffer everything. */
function write(stream: Writable, chunk: string): Promise<void> | undefined {
  if (stream.write(chunk)) return undefined;
  return new Promise((resolve) => stream.once('drain', resolve));
}

/**
 * Reads JSONL posts (`{"id","text"}` per line) and writes one classification per line, in input order,
 * streaming. A bad line is reported on `errors` with its line number and skipped; blank lines are ignored.
 */
export async function classifyStream(
  input: Readable,
  output: Writable,
  errors: Writable,
): Promise<ClassifyStreamResult> {
  const result: ClassifyStreamResult = { classified: 0, rejected: 0 };
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      result.rejected++;
      await write(errors, `line ${lineNumber}: not JSON (${(error as Error).message})\n`);
      continue;
    }
    const parsed = ClassifyInputSchema.safeParse(value);
    if (!parsed.success) {
      result.rejected++;
      await write(errors, `line ${lineNumber}: ${describe(parsed.error)}\n`);
      continue;
    }
    const { id, ...post } = parsed.data;
    const label = classifyPost(post);
    result.classified++;
    await write(
      output,
      `${JSON.stringify({
        id,
        category: label.category,
        topic: label.topic,
        lang: label.lang,
        county: label.county,
        sentiment: label.sentiment,
        sentiment_score: label.sentiment_score,
      })}\n`,
    );
  }
  return result;
}
