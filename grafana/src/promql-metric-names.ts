/**
 * A small PromQL scanner that lists the metric names an expression selects. It is not a parser: it only
 * needs to tell metric names apart from functions, aggregations, keywords, label names, strings,
 * durations and Grafana template variables, which the PromQL lexer makes possible token by token.
 */

const AGGREGATIONS = new Set([
  'sum',
  'min',
  'max',
  'avg',
  'group',
  'stddev',
  'stdvar',
  'count',
  'count_values',
  'bottomk',
  'topk',
  'quantile',
  'limitk',
  'limit_ratio',
]);
/** Keywords followed by a parenthesised list of label names. */
const GROUPING_KEYWORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right']);
const KEYWORDS = new Set(['offset', 'bool', 'and', 'or', 'unless', 'atan2', 'inf', 'nan']);

const IDENTIFIER_START = /[A-Za-z_:]/;
const IDENTIFIER_PART = /[A-Za-z0-9_:]/;

/** Returns the distinct metric names selected by a PromQL expression, in order of first appearance. */
export function extractMetricNames(expr: string): string[] {
  const names: string[] = [];
  const add = (name: string): void => {
    if (!names.includes(name)) names.push(name);
  };
  let i = 0;
  while (i < expr.length) {
    const ch = expr.charAt(i);
    if (ch === '"' || ch === "'" || ch === '`') {
      i = skipString(expr, i);
    } else if (ch === '#') {
      i = skipLine(expr, i);
    } else if (ch === '{') {
      const end = findClosing(expr, i, '{', '}');
      for (const name of nameMatchers(expr.slice(i + 1, end))) add(name);
      i = end + 1;
    } else if (ch === '[') {
      // Range and subquery selectors hold durations and template variables only.
      i = findClosing(expr, i, '[', ']') + 1;
    } else if (ch === '$') {
      i = skipTemplateVariable(expr, i);
    } else if (/[0-9.]/.test(ch)) {
      // Numbers, durations (5m, 1h30m), hex and exponents are one token.
      i = skipWhile(expr, i, /[0-9A-Za-z_.]/);
    } else if (IDENTIFIER_START.test(ch)) {
      const end = skipWhile(expr, i, IDENTIFIER_PART);
      const word = expr.slice(i, end);
      const lower = word.toLowerCase();
      const next = skipSpaces(expr, end);
      if (GROUPING_KEYWORDS.has(lower)) {
        i = expr.charAt(next) === '(' ? findClosing(expr, next, '(', ')') + 1 : end;
      } else {
        if (!AGGREGATIONS.has(lower) && !KEYWORDS.has(lower) && expr.charAt(next) !== '(') add(word);
        i = end;
      }
    } else {
      i += 1;
    }
  }
  return names;
}

/** Metric names given as `__name__="..."` inside a selector's braces. */
function nameMatchers(body: string): string[] {
  const names: string[] = [];
  for (const match of body.matchAll(/__name__\s*=\s*(["'`])([A-Za-z_:][A-Za-z0-9_:]*)\1/g)) {
    if (match[2] !== undefined) names.push(match[2]);
  }
  return names;
}

function skipString(expr: string, start: number): number {
  const quote = expr.charAt(start);
  let i = start + 1;
  while (i < expr.length && expr.charAt(i) !== quote) {
    i += expr.charAt(i) === '\\' && quote !== '`' ? 2 : 1;
  }
  return i + 1;
}

function skipLine(expr: string, start: number): number {
  const end = expr.indexOf('\n', start);
  return end === -1 ? expr.length : end + 1;
}

function skipTemplateVariable(expr: string, start: number): number {
  if (expr.charAt(start + 1) === '{') return findClosing(expr, start + 1, '{', '}') + 1;
  return skipWhile(expr, start + 1, /[A-Za-z0-9_]/);
}

function skipWhile(expr: string, start: number, pattern: RegExp): number {
  let i = start;
  while (i < expr.length && pattern.test(expr.charAt(i))) i += 1;
  return i;
}

function skipSpaces(expr: string, start: number): number {
  return skipWhile(expr, start, /\s/);
}

/** Index of the bracket closing the one at `start`, skipping strings; the end of input when unbalanced. */
function findClosing(expr: string, start: number, open: string, close: string): number {
  let depth = 0;
  let i = start;
  while (i < expr.length) {
    const ch = expr.charAt(i);
    if (ch === '"' || ch === "'" || ch === '`') {
      i = skipString(expr, i);
      continue;
    }
    if (ch === open) depth += 1;
    if (ch === close) {
      depth -= 1;
      if (depth === 0) return i;
    }
    i += 1;
  }
  return expr.length;
}
