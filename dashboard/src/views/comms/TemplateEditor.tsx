import { useEffect, useState } from 'react';
import type { StatusPageState } from '../../api/wire-types';
import { DEFAULT_TEMPLATES, type Lang, saveTemplates } from './statement-templates';

type Templates = typeof DEFAULT_TEMPLATES;

/** Edits the templates of one state (kept in this browser); placeholders are listed under the fields. */
export function TemplateEditor({
  state,
  templates,
  onSave,
  storage,
}: {
  state: StatusPageState;
  templates: Templates;
  onSave(templates: Templates): void;
  storage: Storage | undefined;
}) {
  const [draft, setDraft] = useState(templates[state]);
  useEffect(() => setDraft(templates[state]), [templates, state]);
  const save = (next: Record<Lang, string>) => {
    const all = { ...templates, [state]: next };
    saveTemplates(storage, all);
    onSave(all);
  };
  return (
    <details className="template-editor">
      <summary>Edit the “{state}” templates</summary>
      {(['en', 'sw'] as const).map((lang) => (
        <div key={lang}>
          <label htmlFor={`template-${lang}`}>{lang === 'en' ? 'English' : 'Kiswahili'} template</label>
          <textarea
            id={`template-${lang}`}
            rows={3}
            value={draft[lang]}
            onChange={(e) => setDraft({ ...draft, [lang]: e.target.value })}
          />
        </div>
      ))}
      <p className="hint">Placeholders: {'{problem} {service} {since} {next} {now}'}</p>
      <button type="button" onClick={() => save(draft)}>
        Save templates
      </button>{' '}
      <button type="button" onClick={() => save(DEFAULT_TEMPLATES[state])}>
        Restore defaults
      </button>
    </details>
  );
}
