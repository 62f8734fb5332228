import type { Mention } from '../../api/wire-types';
import { formatCount, formatDateTime } from '../../common/format';

const CATEGORY_LABEL: Record<string, string> = {
  outage_complaint: 'outage complaint',
  other_complaint: 'other complaint',
  not_complaint: 'not a complaint',
  official: 'official',
};

/** Mentions as cards. Post text is untrusted: it is only ever rendered as text. */
export function MentionFeed({ mentions, label }: { mentions: readonly Mention[]; label: string }) {
  if (mentions.length === 0) return <p className="empty">No mentions match.</p>;
  return (
    <ul className="mentions" aria-label={label}>
      {mentions.map((mention) => (
        <li key={mention.id} className={`mention category-${mention.category}`}>
          <p className="mention-head">
            <span className="mention-author">{mention.author ?? 'anonymous'}</span>
            <span className="mention-channel">{mention.channel}</span>
            <time dateTime={mention.createdAt}>{formatDateTime(mention.createdAt)}</time>
          </p>
          <p className="mention-text">{mention.text}</p>
          <p className="mention-tags">
            <span className="badge">{CATEGORY_LABEL[mention.category] ?? mention.category}</span>
            <span className="badge">{mention.lang}</span>
            {mention.county !== null && <span className="badge">{mention.county}</span>}
            <span className={`badge sentiment-${mention.sentiment}`}>{mention.sentiment}</span>
            <span className="reach">reach {formatCount(mention.reach)}</span>
            {mention.url?.startsWith('https://') && (
              <a href={mention.url} target="_blank" rel="noopener noreferrer">
                open on X
              </a>
            )}
          </p>
        </li>
      ))}
    </ul>
  );
}
