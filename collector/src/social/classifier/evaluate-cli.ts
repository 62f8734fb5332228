import { classifyPost } from './classify-post';
import { DEV_SET_SPLITS, type DevSetSplit, type LabelledPost, loadDevSet } from './dev-set';
import { evaluate, type Mistake } from './evaluate';
import { formatEvaluation, formatMistakes } from './format-evaluation';

/**
 * Prints the classifier's scores on the development set.
 * Usage: npx tsx collector/src/social/classifier/evaluate-cli.ts [dev|test|all] [--mistakes[=field]]
 */
const args = process.argv.slice(2);
const splitArg = args.find((arg) => !arg.startsWith('--')) ?? 'dev';
const mistakesArg = args.find((arg) => arg.startsWith('--mistakes'));

function isSplit(value: string): value is DevSetSplit {
  return (DEV_SET_SPLITS as readonly string[]).includes(value);
}

if (splitArg !== 'all' && !isSplit(splitArg)) {
  console.error(`unknown split "${splitArg}"; use dev, test or all`);
  process.exit(2);
}

const rows = loadDevSet().filter((row) => splitArg === 'all' || row.split === splitArg);
const report = evaluate(rows, (row: LabelledPost) =>
  classifyPost(
    row.authorHandle === undefined ? { text: row.text } : { text: row.text, authorHandle: row.authorHandle },
  ),
);
console.log(formatEvaluation(splitArg, report));
if (mistakesArg !== undefined) {
  const field = mistakesArg.includes('=') ? (mistakesArg.split('=')[1] as Mistake['field']) : undefined;
  console.log(`\n${formatMistakes(report.mistakes, field)}`);
}
