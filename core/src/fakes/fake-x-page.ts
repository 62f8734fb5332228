import {
  compareIds,
  type FakeXPost,
  type FakeXStore,
  type FakeXUser,
  tweetWire,
  userWire,
} from './fake-x-store';
import { decodePageToken, encodePageToken, type FakeXReply, fieldSet, invalidRequest } from './fake-x-wire';

/**
 * One page of a post list (recent search, a user timeline) as X v2 returns it: newest first, `since_id` /
 * `until_id`, `max_results`, opaque page tokens, requested fields and `expansions=author_id`.
 */
export function listPage(
  store: FakeXStore,
  candidates: FakeXPost[],
  params: URLSearchParams,
  tokenParam: string,
  minResults: number,
): FakeXReply {
  const maxRaw = params.get('max_results') ?? '10';
  const max = Number(maxRaw);
  if (!Number.isInteger(max) || max < minResults || max > 100) {
    return invalidRequest(
      'max_results',
      maxRaw,
      `The \`max_results\` query parameter value [${maxRaw}] is not between ${minResults} and 100`,
    );
  }
  for (const name of ['since_id', 'until_id']) {
    const value = params.get(name);
    if (value !== null && !/^\d{1,19}$/.test(value)) {
      return invalidRequest(name, value, `The \`${name}\` query parameter value [${value}] is not valid`);
    }
  }
  const token = params.get(tokenParam);
  const afterId = token === null ? null : decodePageToken(token);
  if (token !== null && afterId === null) {
    return invalidRequest(
      tokenParam,
      token,
      `The \`${tokenParam}\` query parameter value [${token}] is not valid`,
    );
  }
  const sinceId = params.get('since_id');
  const untilId = params.get('until_id');
  const sorted = candidates
    .filter((post) => sinceId === null || compareIds(post.id, sinceId) > 0)
    .filter((post) => untilId === null || compareIds(post.id, untilId) < 0)
    .filter((post) => afterId === null || compareIds(post.id, afterId) < 0)
    .sort((a, b) => compareIds(b.id, a.id));
  const page = sorted.slice(0, max);
  const first = page[0];
  const last = page[page.length - 1];
  if (first === undefined || last === undefined) return { status: 200, body: { meta: { result_count: 0 } } };
  const tweetFields = fieldSet(params.get('tweet.fields'));
  const body: Record<string, unknown> = { data: page.map((post) => tweetWire(post, tweetFields)) };
  if (fieldSet(params.get('expansions')).has('author_id')) {
    const userFields = fieldSet(params.get('user.fields'));
    const authors = [...new Set(page.map((post) => post.authorId))]
      .map((id) => store.users.get(id))
      .filter((user): user is FakeXUser => user !== undefined);
    body.includes = { users: authors.map((user) => userWire(user, userFields)) };
  }
  body.meta = {
    newest_id: first.id,
    oldest_id: last.id,
    result_count: page.length,
    ...(sorted.length > page.length ? { next_token: encodePageToken(last.id) } : {}),
  };
  return { status: 200, body };
}
