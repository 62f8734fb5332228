import { z } from 'zod';

/**
 * Parses `name=url,name=url` (SLACK_WEBHOOK_URLS, WEBHOOK_TARGETS) into a record; names are what
 * notifications address (`notification.to`), so the URLs (which hold secrets) never travel in job data.
 */
export const namedUrlsSchema = z.string().transform((value, ctx) => {
  const named: Record<string, string> = {};
  for (const entry of value.split(',').map((part) => part.trim())) {
    if (entry === '') continue;
    const equals = entry.indexOf('=');
    const name = equals > 0 ? entry.slice(0, equals).trim() : '';
    const url = equals > 0 ? entry.slice(equals + 1).trim() : '';
    if (!/^[\w.-]+$/.test(name) || !/^https?:\/\/\S+$/.test(url) || !URL.canParse(url)) {
      ctx.addIssue({ code: 'custom', message: `expected name=http(s)://url entries separated by commas` });
      return z.NEVER;
    }
    if (named[name] !== undefined) {
      ctx.addIssue({ code: 'custom', message: `name "${name}" appears twice` });
      return z.NEVER;
    }
    named[name] = url;
  }
  if (Object.keys(named).length === 0) {
    ctx.addIssue({ code: 'custom', message: 'expected at least one name=url entry' });
    return z.NEVER;
  }
  return named;
});
