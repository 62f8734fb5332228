import { randomUUID } from 'node:crypto';
import type { Logger } from '@stimawatch/core';
import type { SqlClient } from '@stimawatch/core/db';
import type { Hono } from 'hono';
import type { Registry } from 'prom-client';
import { createAckLinks } from './ack-link';
import type { AlertsConfig } from './config';
import { createAlertsApp } from './http/app';
import type { AlertsHttpEnv } from './http/http-env';
import type { Delivery, DeliveryFactory } from './incidents/delivery-port';
import type { EngineContext } from './incidents/engine-context';
import { createIncidentEngine, type IncidentEngine } from './incidents/incident-engine';
import { createAlertsMetrics } from './metrics';
import type { OnCallConfig } from './oncall/oncall-types';
import { type BullmqTimers, createBullmqTimers } from './queues/bullmq-timers';
import { listHeartbeats } from './store/alert-event-store';
import { openIncidentStats } from './store/incident-store';
import { migrateAlertsStore } from './store/migrations';

export interface AlertsServiceOptions {
  config: AlertsConfig;
  db: SqlClient;
  onCall: OnCallConfig;
  logger: Logger;
  registry: Registry;
  createDelivery: DeliveryFactory;
  clock?: () => Date;
}

export interface AlertsService {
  app: Hono<AlertsHttpEnv>;
  engine: IncidentEngine;
  timers: BullmqTimers;
  /** Stops the retry loop, the timer workers and delivery (the caller owns and closes the database). */
  close(): Promise<void>;
}

/**
 * Wires the alerts service: schema migration, BullMQ timers, delivery, the incident engine and the HTTP app,
 * then applies whatever a previous run left pending and keeps retrying pending side effects periodically.
 */
export async function createAlertsService(options: AlertsServiceOptions): Promise<AlertsService> {
  const { config, db, onCall, registry } = options;
  const logger = options.logger.child({ module: 'alerts-service' });
  const clock = options.clock ?? (() => new Date());
  await migrateAlertsStore(db);

  // The engine and its timers/delivery refer to each other; handlers are only called once all exist.
  let engine: IncidentEngine | undefined;
  const ready = (): IncidentEngine => {
    if (engine === undefined) throw new Error('incident engine not started yet');
    return engine;
  };
  const timers = createBullmqTimers({
    redisUrl: config.redisUrl,
    prefix: config.redisKeyPrefix,
    logger: options.logger.child({ module: 'timers' }),
    handlers: {
      escalate: (job) => ready().onEscalationJob(job),
      commsNudge: (job) => ready().onCommsSilenceJob(job),
    },
  });
  let delivery: Delivery;
  try {
    delivery = options.createDelivery((outcome) => ready().onDeliveryOutcome(outcome));
  } catch (error) {
    await timers.close();
    throw error;
  }
  const metrics = createAlertsMetrics(
    registry,
    { incidentStats: () => openIncidentStats(db, clock()), heartbeats: () => listHeartbeats(db) },
    options.logger.child({ module: 'metrics' }),
  );
  const ackLinks = createAckLinks({
    secret: config.ackLinkSecret,
    ttlMs: config.ackLinkTtlMs,
    publicBaseUrl: config.publicBaseUrl,
    clock,
  });
  const ctx: EngineContext = {
    db,
    onCall,
    delivery,
    timers,
    ackLinks,
    metrics,
    logger: options.logger.child({ module: 'incidents' }),
    clock,
    newId: randomUUID,
    settings: {
      commsSilenceMs: config.commsSilenceMs,
      reopenWindowMs: config.reopenWindowMs,
      correlationWindowMs: config.correlationWindowMs,
      publicBaseUrl: config.publicBaseUrl,
    },
  };
  engine = createIncidentEngine(ctx);
  const app = createAlertsApp({
    engine,
    db,
    onCall,
    ackLinks,
    apiTokens: config.apiTokens,
    registry,
    metrics,
    logger: options.logger,
    clock,
    readiness: { database: () => db.query('SELECT 1'), redis: () => timers.ping() },
    alertmanagerWebhookToken: config.alertmanagerWebhookToken,
    smsInboundSecret: config.smsInboundSecret,
    dashboardDir: config.dashboardDir,
  });

  const catchUp = async () => {
    try {
      await ready().catchUp();
    } catch (error) {
      logger.warn({ err: error }, 'pending alert work could not be completed yet; retrying');
    }
  };
  let closing = false;
  let loop: Promise<void> = catchUp();
  const interval = setInterval(() => {
    if (!closing) loop = loop.then(catchUp);
  }, config.outboxRetryMs);
  interval.unref();

  return {
    app,
    engine,
    timers,
    async close() {
      closing = true;
      clearInterval(interval);
      await loop;
      await timers.close();
      await delivery.close();
    },
  };
}
