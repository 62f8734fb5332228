import { z } from 'zod';

/** One synthetic HTTP check (for example a test purchase against the vending API's sandbox meter). */
export const probeTargetSchema = z.object({
  /** Bounded label value: becomes `probe="…"`. */
  name: z.string().regex(/^[a-z0-9_-]{1,40}$/i, 'name must be 1-40 letters, digits, _ or -'),
  url: z.url({ protocol: /^https?$/ }),
  method: z.enum(['GET', 'POST', 'PUT', 'HEAD']).default('GET'),
  headers: z.record(z.string(), z.string()).default({}),
  body: z.string().max(65_536).optional(),
  expectStatus: z.number().int().min(100).max(599).default(200),
  expectBodyIncludes: z.string().min(1).optional(),
  intervalSeconds: z.number().positive().max(86_400).default(60),
  timeoutMs: z.number().int().positive().max(120_000).default(10_000),
});
export type ProbeTarget = z.output<typeof probeTargetSchema>;
export type ProbeTargetInput = z.input<typeof probeTargetSchema>;

export const probeTargetsSchema = z
  .array(probeTargetSchema)
  .max(50)
  .refine(
    (targets) => new Set(targets.map((t) => t.name)).size === targets.length,
    'probe names must be unique',
  );
