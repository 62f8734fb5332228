/**
 * A focused JSON Schema for docker-compose.yml: the part of the Compose Specification schema
 * (compose-spec/compose-spec, schema/compose-spec.json) that this repository uses, with
 * `additionalProperties: false` at every level it covers, so a typo or an unsupported key fails.
 * It is a SUBSET written by hand (no network here to fetch the official file): fields we do not use are
 * rejected rather than validated, and shapes follow the official definitions of the same names.
 */

const stringOrNumber = { type: ['string', 'number'] };
const duration = { type: 'string', pattern: '^(\\d+(\\.\\d+)?(us|ms|s|m|h))+$' };
const stringList = { type: 'array', items: { type: 'string' }, uniqueItems: true };

const listOrDict = {
  oneOf: [
    {
      type: 'object',
      patternProperties: { '.+': { type: ['string', 'number', 'boolean', 'null'] } },
      additionalProperties: false,
    },
    stringList,
  ],
};

const healthcheck = {
  type: 'object',
  properties: {
    disable: { type: 'boolean' },
    test: {
      oneOf: [
        { type: 'string' },
        {
          type: 'array',
          items: { type: 'string' },
          minItems: 1,
          // The official schema accepts any list; Docker requires NONE, CMD or CMD-SHELL first.
          prefixItems: [{ enum: ['NONE', 'CMD', 'CMD-SHELL'] }],
        },
      ],
    },
    interval: duration,
    timeout: duration,
    retries: { type: 'integer', minimum: 0 },
    start_period: duration,
    start_interval: duration,
  },
  additionalProperties: false,
};

const dependsOn = {
  oneOf: [
    stringList,
    {
      type: 'object',
      patternProperties: {
        '^[a-zA-Z0-9._-]+$': {
          type: 'object',
          properties: {
            condition: { enum: ['service_started', 'service_healthy', 'service_completed_successfully'] },
            restart: { type: 'boolean' },
            required: { type: 'boolean' },
          },
          required: ['condition'],
          additionalProperties: false,
        },
      },
      additionalProperties: false,
    },
  ],
};

const build = {
  oneOf: [
    { type: 'string' },
    {
      type: 'object',
      properties: {
        context: { type: 'string' },
        dockerfile: { type: 'string' },
        target: { type: 'string' },
        args: listOrDict,
      },
      additionalProperties: false,
    },
  ],
};

const service = {
  type: 'object',
  properties: {
    image: { type: 'string' },
    build,
    command: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
    environment: listOrDict,
    env_file: { oneOf: [{ type: 'string' }, stringList] },
    ports: { type: 'array', items: stringOrNumber },
    volumes: { type: 'array', items: { type: 'string' } },
    secrets: stringList,
    depends_on: dependsOn,
    healthcheck,
    restart: { enum: ['no', 'always', 'on-failure', 'unless-stopped'] },
    user: { type: 'string' },
    networks: stringList,
  },
  anyOf: [{ required: ['image'] }, { required: ['build'] }],
  additionalProperties: false,
};

const namedResource = {
  oneOf: [
    { type: 'null' },
    {
      type: 'object',
      properties: {
        name: { type: 'string' },
        driver: { type: 'string' },
        external: { type: 'boolean' },
        labels: listOrDict,
      },
      additionalProperties: false,
    },
  ],
};

const secret = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    file: { type: 'string' },
    environment: { type: 'string' },
    external: { type: 'boolean' },
  },
  oneOf: [{ required: ['file'] }, { required: ['environment'] }, { required: ['external'] }],
  additionalProperties: false,
};

const resourceNames = '^[a-zA-Z0-9._-]+$';

/** JSON Schema (2020-12) of the Compose Specification subset this repository uses. */
export const COMPOSE_SUBSET_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: {
    name: { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$' },
    services: {
      type: 'object',
      patternProperties: { [resourceNames]: service },
      additionalProperties: false,
      minProperties: 1,
    },
    volumes: {
      type: 'object',
      patternProperties: { [resourceNames]: namedResource },
      additionalProperties: false,
    },
    networks: {
      type: 'object',
      patternProperties: { [resourceNames]: namedResource },
      additionalProperties: false,
    },
    secrets: { type: 'object', patternProperties: { [resourceNames]: secret }, additionalProperties: false },
  },
  required: ['services'],
  additionalProperties: false,
} as const;
