export { type CollectorConfig, parseCollectorConfig } from './config/collector-config';
export {
  type Collector,
  type CollectorContext,
  type CollectorExtension,
  type CollectorExtensionFactory,
  type CollectorOptions,
  createCollector,
} from './create-collector';
export * from './daraja/c2b-callback';
export * from './daraja/daraja-values';
export * from './daraja/stk-callback';
export { type CollectorAppDeps, createCollectorApp, type RouteRegistrar } from './http/collector-app';
export * from './live/live-aggregator';
export * from './metrics/collector-metrics';
export * from './probe/probe-target';
export * from './probe/synthetic-probe';
export { type RunningCollector, type StartOptions, startCollector } from './start-collector';
