import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMPOSE_SUBSET_SCHEMA } from './compose-schema';
import { REPO_ROOT } from './rule-files';

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string>;
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}
interface Compose {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

const composeText = readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8');
const compose = parse(composeText) as Compose;
const services = Object.entries(compose.services);

function validator() {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
    strictTuples: false,
  });
  return ajv.compile(COMPOSE_SUBSET_SCHEMA);
}

/** `${NAME…}` interpolations in docker-compose.yml outside comments (`$${…}` is an escaped literal dollar). */
function interpolatedVariables(text: string): Set<string> {
  const names = new Set<string>();
  const code = text.replace(/^\s*#.*$/gm, '');
  for (const match of code.matchAll(/(?<!\$)\$\{([A-Z0-9_]+)/g)) if (match[1]) names.add(match[1]);
  return names;
}

describe('docker-compose.yml', () => {
  it('validates against the Compose Specification subset schema', () => {
    const validate = validator();
    const valid = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema rejects unknown keys and malformed healthchecks and dependencies', () => {
    const validate = validator();
    const redis = compose.services.redis;
    expect(validate({ services: { redis: { ...redis, heathcheck: {} } } })).toBe(false);
    expect(
      validate({ services: { redis: { ...redis, healthcheck: { test: ['redis-cli', 'ping'] } } } }),
    ).toBe(false);
    expect(
      validate({ services: { redis: { ...redis, healthcheck: { test: ['CMD', 'x'], interval: 10 } } } }),
    ).toBe(false);
    expect(
      validate({ services: { a: { image: 'x', depends_on: { redis: { condition: 'healthy' } } } } }),
    ).toBe(false);
    expect(validate({ services: { a: { command: 'x' } } })).toBe(false);
    expect(validate({ services: { a: { image: 'x' } }, configs: {} })).toBe(false);
  });

  it('pins every image to an exact version', () => {
    for (const [name, service] of services) {
      if (service.build) continue;
      expect(service.image, name).toMatch(/^[a-z0-9./-]+:v?\d+\.\d+(\.\d+)?(-[a-z0-9.]+)?$/);
    }
  });

  it('takes secrets from the environment only, the required ones as required interpolations', () => {
    // Webhook and SMTP URLs carry credentials too.
    const secretLike = /(^|_)(SECRET|TOKENS?|PASSWORD|API_KEY|SALT)$|^(SLACK_WEBHOOK_URLS|SMTP_URL)$/;
    const secrets: Record<string, string> = {};
    for (const [name, service] of services) {
      for (const [key, value] of Object.entries(service.environment ?? {})) {
        if (secretLike.test(key)) secrets[`${name}.${key}`] = String(value);
      }
    }
    // An optional secret may default to empty (feature off), never to a literal value.
    for (const [where, value] of Object.entries(secrets)) {
      expect(value, where).toMatch(/^\$\{[A-Z0-9_]+(:\?[^}]*|:-)\}$/);
    }
    const required = [
      'collector.INGEST_TOKENS',
      'collector.MPESA_CALLBACK_SECRET',
      'collector.SOCIAL_HASH_SALT',
      'alerts.ACK_LINK_SECRET',
      'alerts.ALERTMANAGER_WEBHOOK_TOKEN',
      'postgres.POSTGRES_PASSWORD',
      'grafana.GF_SECURITY_ADMIN_PASSWORD',
    ];
    for (const where of required) expect(secrets[where], where).toMatch(/^\$\{[A-Z0-9_]+:\?/);
    expect(secrets['grafana.GF_SECURITY_ADMIN_PASSWORD']).toBe(`\${GRAFANA_ADMIN_PASSWORD:?set it}`);
    for (const name of ['collector', 'alerts']) {
      expect(compose.services[name]?.environment?.DATABASE_URL, name).toContain(`\${POSTGRES_PASSWORD:?`);
    }
  });

  it('waits for healthy dependencies that define a healthcheck (here or in their Dockerfile)', () => {
    for (const [name, service] of services) {
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        expect(condition, `${name} → ${dependency}`).toBe('service_healthy');
        const target = compose.services[dependency];
        const dockerfile = target?.build
          ? readFileSync(join(REPO_ROOT, target.build.dockerfile), 'utf8')
          : '';
        expect(target?.healthcheck !== undefined || /^HEALTHCHECK /m.test(dockerfile), dependency).toBe(true);
      }
    }
    expect(Object.keys(compose.services.collector?.depends_on ?? {})).toContain('redis');
    expect(Object.keys(compose.services.alerts?.depends_on ?? {})).toEqual(
      expect.arrayContaining(['redis', 'postgres']),
    );
  });

  it('mounts files that exist and declares every named volume', () => {
    for (const [name, service] of services) {
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0] ?? '';
        if (source.startsWith('./')) {
          expect(existsSync(join(REPO_ROOT, source)), `${name}: ${source}`).toBe(true);
        } else {
          expect(Object.keys(compose.volumes ?? {}), `${name}: ${source}`).toContain(source);
        }
      }
      if (service.build) expect(existsSync(join(REPO_ROOT, service.build.dockerfile)), name).toBe(true);
    }
  });

  it('runs Redis as BullMQ requires: noeviction and an append-only file', () => {
    const command = (compose.services.redis as { command?: string[] }).command ?? [];
    expect(command.join(' ')).toContain('--maxmemory-policy noeviction');
    expect(command.join(' ')).toContain('--appendonly yes');
  });

  it('documents every interpolated variable in .env.example and docs/operations/configuration.md', () => {
    const example = readFileSync(join(REPO_ROOT, '.env.example'), 'utf8');
    const reference = readFileSync(join(REPO_ROOT, 'docs/operations/configuration.md'), 'utf8');
    const inExample = new Set([...example.matchAll(/^([A-Z0-9_]+)=/gm)].map((m) => m[1]));
    const variables = [...interpolatedVariables(composeText)];
    expect(variables.length).toBeGreaterThan(10);
    expect(variables.filter((name) => !inExample.has(name))).toEqual([]);
    expect(variables.filter((name) => !reference.includes(`\`${name}\``))).toEqual([]);
    expect(example).not.toMatch(/^[A-Z0-9_]*(SECRET|TOKENS?|PASSWORD|API_KEY|SALT)=.+$/m);
  });
});
