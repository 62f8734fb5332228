import { classifyStream } from './classify-stream';

/**
 * Classifier CLI (DESIGN section 4): `npm run -s classify < posts.jsonl > labels.jsonl`.
 * Exit code 0 when at least one line was classified, 1 when there was no valid input.
 */
const result = await classifyStream(process.stdin, process.stdout, process.stderr);
if (result.classified === 0) {
  process.stderr.write(`no valid input lines (${result.rejected} rejected)\n`);
  process.exitCode = 1;
}
