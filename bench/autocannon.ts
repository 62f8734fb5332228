import { createRequire } from 'node:module';

/** The part of autocannon's result the benchmarks read. */
export interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  duration: number;
}

export interface AutocannonRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** Called before each request: gives every request its own body. */
  setupRequest: (request: { body?: string }) => { body?: string };
}

type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  requests: AutocannonRequest[];
}) => Promise<AutocannonResult>;

/** autocannon (CommonJS, untyped) with the options and result the benchmarks use. */
export const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
