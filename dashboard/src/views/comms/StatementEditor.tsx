import { useEffect, useRef, useState } from 'react';
import type { Incident, PublishResult, StatusPageState } from '../../api/wire-types';
import { useSignedIn } from '../../auth/session-context';
import { fillTemplate, type Lang, loadTemplates, xLength } from './statement-templates';
import { TemplateEditor } from './TemplateEditor';

const STATES: StatusPageState[] = ['investigating', 'identified', 'monitoring', 'resolved'];
const LANGS: { lang: Lang; label: string }[] = [
  { lang: 'en', label: 'English' },
  { lang: 'sw', label: 'Kiswahili' },
];
const storage = typeof window === 'undefined' ? undefined : window.localStorage;

/**
 * Drafts prefilled from the incident in English and Kiswahili; publishing records one statement per chosen
 * language (the status page shows them, the silence timer stops) and, when configured, posts each to X.
 */
export function StatementEditor({
  incident,
  onPublished,
}: {
  incident: Incident | undefined;
  onPublished(): void;
}) {
  const { api, permissions, settings } = useSignedIn();
  const [templates, setTemplates] = useState(() => loadTemplates(storage));
  const [state, setState] = useState<StatusPageState>('investigating');
  const [texts, setTexts] = useState<Record<Lang, string>>({ en: '', sw: '' });
  const [include, setInclude] = useState<Record<Lang, boolean>>({ en: true, sw: true });
  const [postToX, setPostToX] = useState(settings.xPosting);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  // The incident object is replaced on every poll; drafts are refilled only when it is another incident or round.
  const current = useRef(incident);
  current.current = incident;
  const incidentKey = incident === undefined ? '' : `${incident.id}:${incident.round}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: incidentKey stands for the incident
  useEffect(() => {
    const now = new Date();
    setTexts({
      en: fillTemplate(templates[state].en, 'en', current.current, now),
      sw: fillTemplate(templates[state].sw, 'sw', current.current, now),
    });
  }, [templates, state, incidentKey]);

  const publish = async () => {
    setBusy(true);
    setError(null);
    const lines: string[] = [];
    try {
      for (const { lang, label } of LANGS) {
        if (!include[lang] || texts[lang].trim() === '') continue;
        const result = await api.post<PublishResult>(`/v1/statements${postToX ? '?x=1' : ''}`, {
          text: texts[lang].trim(),
          lang,
          state,
          source: 'console',
          ...(incident !== undefined && { incidentId: incident.id }),
        });
        const x =
          result.x === undefined
            ? ''
            : result.x.status === 'posted'
              ? '; posted to X'
              : `; X: ${result.x.reason}`;
        lines.push(`${label} statement published${x}.`);
      }
      setOutcome(lines);
      onPublished();
    } catch (failure) {
      setOutcome(lines);
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel statement-editor" aria-labelledby="editor-title">
      <h2 id="editor-title">
        Statement{' '}
        {incident === undefined ? 'for every open customer-facing incident' : `for #${incident.ref}`}
      </h2>
      <label htmlFor="statement-state">Status page state</label>
      <select
        id="statement-state"
        value={state}
        onChange={(e) => setState(e.target.value as StatusPageState)}
      >
        {STATES.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      {LANGS.map(({ lang, label }) => (
        <div key={lang} className="draft">
          <label htmlFor={`draft-${lang}`}>{label} draft</label>
          <textarea
            id={`draft-${lang}`}
            rows={4}
            lang={lang}
            value={texts[lang]}
            onChange={(e) => setTexts({ ...texts, [lang]: e.target.value })}
          />
          <p className={`counter${postToX && xLength(texts[lang]) > 280 ? ' over' : ''}`}>
            {xLength(texts[lang])} characters{postToX && ' (X allows 280)'}
          </p>
          <label className="inline">
            <input
              type="checkbox"
              checked={include[lang]}
              onChange={(e) => setInclude({ ...include, [lang]: e.target.checked })}
            />{' '}
            Publish the {label} statement
          </label>
        </div>
      ))}
      {settings.xPosting && (
        <label className="inline">
          <input type="checkbox" checked={postToX} onChange={(e) => setPostToX(e.target.checked)} /> Also post
          to X
        </label>
      )}
      {permissions.publishStatement ? (
        <button
          type="button"
          className="primary"
          disabled={busy || (!include.en && !include.sw)}
          onClick={publish}
        >
          {busy ? 'Publishing…' : 'Publish'}
        </button>
      ) : (
        <p className="empty">Your role can draft but not publish statements.</p>
      )}
      {outcome.length > 0 && (
        <ul className="publish-outcome" aria-live="polite">
          {outcome.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {error !== null && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <TemplateEditor state={state} templates={templates} onSave={setTemplates} storage={storage} />
    </section>
  );
}
