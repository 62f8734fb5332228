import { StimaError } from './errors';

/**
 * Parses `INGEST_TOKENS` (`source:token[,source:token…]`) into token → source.
 * Rejects empty or short tokens so a misconfiguration cannot open an endpoint.
 */
export function parseIngestTokens(raw: string): Map<string, string> {
  const tokens = new Map<string, string>();
  for (const [index, pair] of raw.split(',').entries()) {
    const trimmed = pair.trim();
    if (trimmed === '') continue;
    const colon = trimmed.indexOf(':');
    const source = colon > 0 ? trimmed.slice(0, colon) : '';
    const token = colon > 0 ? trimmed.slice(colon + 1) : '';
    if (!/^[a-z0-9_-]{1,40}$/i.test(source) || token.length < 16) {
      throw new StimaError(
        'CONFIG',
        `INGEST_TOKENS entry ${index + 1} must be source:token with a token of 16+ characters`,
        {
          entry: index + 1,
        },
      );
    }
    tokens.set(token, source);
  }
  return tokens;
}
