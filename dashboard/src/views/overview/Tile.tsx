import { type ReactNode, useId } from 'react';

export type Tone = 'ok' | 'warn' | 'alert' | 'neutral';

const TONE_WORD: Record<Tone, string> = { ok: 'normal', warn: 'watch', alert: 'alert', neutral: '' };

/** One overview figure: a heading, the value, a line of context and an optional chart or list. */
export function Tile({
  title,
  value,
  detail,
  tone = 'neutral',
  stale = false,
  children,
}: {
  title: string;
  value: ReactNode;
  detail?: ReactNode;
  tone?: Tone;
  stale?: boolean;
  children?: ReactNode;
}) {
  const id = useId();
  return (
    <section className={`tile tone-${tone}${stale ? ' stale' : ''}`} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <p className="tile-value">
        {value}
        {tone !== 'neutral' && <span className="tone-word">{TONE_WORD[tone]}</span>}
        {stale && <span className="stale-word">stale</span>}
      </p>
      {detail !== undefined && <p className="tile-detail">{detail}</p>}
      {children}
    </section>
  );
}
