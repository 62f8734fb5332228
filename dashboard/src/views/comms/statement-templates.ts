import type { Incident, StatusPageState } from '../../api/wire-types';

export type Lang = 'en' | 'sw';

/** Placeholders: {problem} (what customers cannot do), {service} (the service's name), {since}, {next}, {now}. */
export const DEFAULT_TEMPLATES: Record<StatusPageState, Record<Lang, string>> = {
  investigating: {
    en: 'We are aware that some customers are unable to {problem} since {since}. Our engineers are investigating. Next update by {next}. We apologise for the inconvenience.',
    sw: 'Tunafahamu kwamba baadhi ya wateja hawawezi {problem} tangu saa {since}. Wahandisi wetu wanachunguza. Taarifa nyingine kufikia saa {next}. Tunaomba radhi kwa usumbufu.',
  },
  identified: {
    en: 'Update: we have found the cause of the problem with {service} since {since} and a fix is under way. If you paid and got no token, it will reach you automatically: please do not pay again. Next update by {next}.',
    sw: 'Taarifa: tumegundua chanzo cha tatizo la {service} tangu saa {since} na tunalirekebisha. Ukilipa bila kupata tokeni, utaipokea moja kwa moja: tafadhali usilipe tena. Taarifa nyingine kufikia saa {next}.',
  },
  monitoring: {
    en: 'A fix has been applied and {service} is recovering. We are monitoring closely. Tokens still pending will be delivered within the hour.',
    sw: 'Tatizo limerekebishwa na huduma ya {service} inarejea. Tunafuatilia kwa karibu. Tokeni ambazo bado hazijafika zitatumwa ndani ya saa moja.',
  },
  resolved: {
    en: 'Resolved: {service} has been working normally since {now}. Thank you for your patience.',
    sw: 'Imetatuliwa: huduma ya {service} inafanya kazi kama kawaida tangu saa {now}. Asanteni kwa uvumilivu wenu.',
  },
};

const PROBLEM: Record<string, Record<Lang, string>> = {
  payments: { en: 'buy tokens through M-Pesa', sw: 'kununua tokeni kupitia M-Pesa' },
  vending: { en: 'receive their tokens after paying', sw: 'kupokea tokeni baada ya kulipa' },
};
const SERVICE: Record<string, Record<Lang, string>> = {
  payments: { en: 'token purchase via M-Pesa', sw: 'ununuzi wa tokeni kupitia M-Pesa' },
  vending: { en: 'token delivery', sw: 'utoaji wa tokeni' },
};
const FALLBACK = {
  problem: { en: 'buy or receive tokens', sw: 'kununua au kupokea tokeni' },
  service: { en: 'token purchase and delivery', sw: 'ununuzi na utoaji wa tokeni' },
};

const CLOCK = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
  timeZone: 'Africa/Nairobi',
});

/** Fills a template from the incident (or from nothing: every open incident). Unknown placeholders stay. */
export function fillTemplate(
  template: string,
  lang: Lang,
  incident: Incident | undefined,
  now: Date,
): string {
  const service = incident?.service ?? '';
  const since = incident ? new Date(incident.reopenedAt ?? incident.openedAt) : now;
  const values: Record<string, string> = {
    problem: PROBLEM[service]?.[lang] ?? FALLBACK.problem[lang],
    service: SERVICE[service]?.[lang] ?? FALLBACK.service[lang],
    since: CLOCK.format(since),
    next: CLOCK.format(new Date(now.getTime() + 30 * 60_000)),
    now: CLOCK.format(now),
  };
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

const STORAGE_KEY = 'stimawatch.statement-templates.v1';

/** The templates, with the comms team's edits (kept in this browser) over the defaults. */
export function loadTemplates(storage: Pick<Storage, 'getItem'> | undefined): typeof DEFAULT_TEMPLATES {
  try {
    const saved = JSON.parse(storage?.getItem(STORAGE_KEY) ?? '{}') as Partial<
      Record<StatusPageState, Partial<Record<Lang, unknown>>>
    >;
    const merged = structuredClone(DEFAULT_TEMPLATES);
    for (const state of Object.keys(merged) as StatusPageState[]) {
      for (const lang of ['en', 'sw'] as const) {
        const text = saved[state]?.[lang];
        if (typeof text === 'string' && text.trim() !== '') merged[state][lang] = text;
      }
    }
    return merged;
  } catch {
    // Unreadable saved templates (edited by hand, other version): the defaults still work.
    return structuredClone(DEFAULT_TEMPLATES);
  }
}

export function saveTemplates(
  storage: Pick<Storage, 'setItem'> | undefined,
  templates: typeof DEFAULT_TEMPLATES,
): void {
  storage?.setItem(STORAGE_KEY, JSON.stringify(templates));
}

/** X counts characters roughly as code points; good enough for the warning under the draft. */
export function xLength(text: string): number {
  return [...text].length;
}
