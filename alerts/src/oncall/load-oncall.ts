import { readFileSync } from 'node:fs';
import { StimaError } from '@stimawatch/core';
import { type Document, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { type OnCallFile, onCallFileSchema, WEEKDAY_NAMES } from './oncall-schema';
import type { EscalationPolicy, OnCallConfig, Person, Rotation, TeamRoute } from './oncall-types';
import { dayNumber } from './zoned-time';

type Path = readonly (string | number)[];

interface Problem {
  path: Path;
  message: string;
  /** Point at the last path segment's key rather than its value (unknown fields). */
  atKey?: boolean;
}

/** Reads and validates the on-call file; refuses with `file:line:column: field: reason` on the first problems. */
export function loadOnCallFile(file: string): OnCallConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new StimaError('CONFIG', `${file}: cannot read the on-call file (ONCALL_FILE)`, { file }, cause);
  }
  return parseOnCallYaml(text, file);
}

export function parseOnCallYaml(text: string, file: string): OnCallConfig {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    fail(
      file,
      doc.errors.map((error) => {
        const at = lines.linePos(error.pos[0]);
        return `${file}:${at.line}:${at.col}: ${error.message.split('\n')[0]}`;
      }),
    );
  }
  const where = (problem: Problem, locateAt: Path = problem.path): string => {
    const at = lines.linePos(locate(doc, locateAt, problem.atKey === true));
    const field = problem.path.length > 0 ? `${formatPath(problem.path)}: ` : '';
    return `${file}:${at.line}:${at.col}: ${field}${problem.message}`;
  };
  const parsed = onCallFileSchema.safeParse(doc.toJS(), {
    error: (issue) =>
      issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : undefined,
  });
  if (!parsed.success) {
    fail(
      file,
      parsed.error.issues.map((issue) => {
        const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
        if (issue.code === 'unrecognized_keys') {
          return where({
            path: [...path, issue.keys[0] ?? ''],
            message: `unknown field (${issue.keys.join(', ')})`,
            atKey: true,
          });
        }
        // A missing field has no node of its own: point at the key of the mapping that lacks it.
        if (issue.message === 'is required')
          return where({ path, message: issue.message, atKey: true }, path.slice(0, -1));
        return where({ path, message: issue.message });
      }),
    );
  }
  const onCall = parsed.data;
  const problems = crossReferenceProblems(onCall);
  if (problems.length > 0)
    fail(
      file,
      problems.map((problem) => where(problem)),
    );
  return buildConfig(onCall);
}

function fail(file: string, messages: string[]): never {
  throw new StimaError('CONFIG', `invalid on-call file ${messages.join('\n')}`, { file, problems: messages });
}

function crossReferenceProblems(file: OnCallFile): Problem[] {
  const problems: Problem[] = [];
  const person = (path: Path, personId: string) => {
    if (!(personId in file.people)) problems.push({ path, message: `unknown person "${personId}"` });
  };
  for (const [rotationId, rotation] of Object.entries(file.rotations)) {
    rotation.members.forEach((member, index) => {
      person(['rotations', rotationId, 'members', index], member);
    });
    rotation.overrides.forEach((override, index) => {
      const path = ['rotations', rotationId, 'overrides', index];
      person([...path, 'person'], override.person);
      if (Date.parse(override.end) <= Date.parse(override.start)) {
        problems.push({ path: [...path, 'end'], message: 'must be after start' });
      }
    });
  }
  for (const [policyId, policy] of Object.entries(file.escalation_policies)) {
    policy.levels.forEach((level, levelIndex) => {
      level.targets.forEach((target, targetIndex) => {
        const path = ['escalation_policies', policyId, 'levels', levelIndex, 'targets', targetIndex];
        if ('person' in target) person([...path, 'person'], target.person);
        else if (!(target.rotation in file.rotations)) {
          problems.push({ path: [...path, 'rotation'], message: `unknown rotation "${target.rotation}"` });
        }
      });
    });
  }
  for (const [team, route] of Object.entries(file.teams)) {
    const policy = file.escalation_policies[route.escalation_policy];
    if (policy === undefined) {
      problems.push({
        path: ['teams', team, 'escalation_policy'],
        message: `unknown escalation policy "${route.escalation_policy}"`,
      });
      continue;
    }
    for (const channel of ['slack', 'webhook'] as const) {
      if (route[channel] === undefined && policy.levels.some((level) => level.channels.includes(channel))) {
        problems.push({
          path: ['teams', team],
          message: `policy "${route.escalation_policy}" notifies by ${channel}, so the team needs a ${channel} destination`,
        });
      }
    }
  }
  return problems;
}

function buildConfig(file: OnCallFile): OnCallConfig {
  const people = new Map<string, Person>();
  for (const [id, p] of Object.entries(file.people)) {
    people.set(id, {
      id,
      name: p.name,
      ...(p.phone && { phone: p.phone }),
      ...(p.email && { email: p.email }),
    });
  }
  const rotations = new Map<string, Rotation>();
  for (const [id, r] of Object.entries(file.rotations)) {
    const [year = 0, month = 0, day = 0] = r.start.split('-').map(Number);
    const [hour = 0, minute = 0] = r.handoff.time.split(':').map(Number);
    rotations.set(id, {
      id,
      timeZone: r.timezone ?? file.timezone,
      handoffWeekday: WEEKDAY_NAMES.indexOf(r.handoff.day) + 1,
      handoffMinute: hour * 60 + minute,
      startDay: dayNumber(year, month, day),
      members: r.members,
      overrides: r.overrides.map((o) => ({
        personId: o.person,
        start: new Date(o.start),
        end: new Date(o.end),
      })),
    });
  }
  const policies = new Map<string, EscalationPolicy>();
  for (const [id, p] of Object.entries(file.escalation_policies)) {
    policies.set(id, {
      id,
      levels: p.levels.map((level) => ({
        targets: level.targets.map((t) =>
          'person' in t
            ? { kind: 'person' as const, id: t.person }
            : { kind: 'rotation' as const, id: t.rotation },
        ),
        delayMs: Math.round(level.delay_minutes * 60_000),
        repeat: level.repeat,
        channels: level.channels,
      })),
    });
  }
  const teams = new Map<string, TeamRoute>();
  for (const [team, t] of Object.entries(file.teams)) {
    teams.set(team, {
      team,
      policyId: t.escalation_policy,
      ...(t.slack && { slack: t.slack }),
      ...(t.email && { email: t.email }),
      ...(t.webhook && { webhook: t.webhook }),
    });
  }
  return { people, rotations, policies, teams };
}

/** The source offset of the deepest YAML node on `path` (a missing key points at its parent). */
function locate(doc: Document, path: Path, atKey: boolean): number {
  let node: unknown = doc.contents;
  let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
  for (const [index, key] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(key),
      );
      if (pair === undefined) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      if (atKey && index === path.length - 1) break;
      node = pair.value;
      if (isSeq(node) || isMap(node) || isScalar(node)) offset = node.range?.[0] ?? offset;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key];
      if (item === undefined) break;
      node = item;
      offset = (item as Node).range?.[0] ?? offset;
    } else break;
  }
  return offset;
}

function formatPath(path: Path): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? key : `.${key}`))
    .join('');
}
