import { z } from 'zod';
import { systemAlertSchema } from './rooms';

/**
 * The operator's dashboard (/ops, seed 004's agent dashboard): what web instances and
 * workers say about themselves, and the live feed. In this app seed 004's "agents" are
 * the worker processes and its "tasks" are their BullMQ jobs, one per run (the job's id
 * is the run's id).
 */

const id = z.string().min(1).max(200);
const count = z.number().int().nonnegative();

/** What a worker is doing: waiting for a job, running at least one, or finishing before it exits. */
export const workerStatusSchema = z.enum(['idle', 'busy', 'draining']);
export type WorkerStatus = z.infer<typeof workerStatusSchema>;

/** A worker's status as the feed reports changes: its working states, gone with a goodbye (`offline`) or without one (`lost`). */
export const agentStatusSchema = z.enum([...workerStatusSchema.options, 'offline', 'lost']);
export type AgentStatus = z.infer<typeof agentStatusSchema>;

/** What a worker stores about itself with every heartbeat. */
export const workerHeartbeatSchema = z.object({
  workerId: id,
  host: z.string().max(255),
  pid: count,
  status: workerStatusSchema,
  /** The runs it holds right now. */
  runs: z.array(id).max(1000),
  concurrency: count,
  startedAt: z.iso.datetime(),
  beatAt: z.iso.datetime(),
});
export type WorkerHeartbeat = z.infer<typeof workerHeartbeatSchema>;

/** What a web instance stores about itself with every heartbeat. */
export const instanceHeartbeatSchema = z.object({
  instanceId: id,
  host: z.string().max(255),
  pid: count,
  port: count,
  socketsOpen: count,
  subscriptions: count,
  runsWatched: count,
  /** Its name in the archive's consumer group; null when it does not archive (ARCHIVER_ENABLED=false). */
  archiveConsumer: z.string().max(300).nullable(),
  startedAt: z.iso.datetime(),
  beatAt: z.iso.datetime(),
});
export type InstanceHeartbeat = z.infer<typeof instanceHeartbeatSchema>;

/** BullMQ's job counts of the pipeline queue. */
export const queueCountsSchema = z.object({ waiting: count, active: count, delayed: count, failed: count, completed: count });
export type QueueCounts = z.infer<typeof queueCountsSchema>;

/** `ops.overview`: the fleet right now. */
export const opsOverviewSchema = z.object({
  instances: z.array(
    instanceHeartbeatSchema.extend({
      heartbeatAgeMs: count,
      /** Archive entries this instance has read but not yet written; null when it does not archive. */
      archivePending: count.nullable(),
    }),
  ),
  workers: z.array(
    workerHeartbeatSchema.extend({
      heartbeatAgeMs: count,
      /** No heartbeat for three intervals: about to be declared lost. */
      silent: z.boolean(),
    }),
  ),
  queue: queueCountsSchema,
  archive: z.object({
    /** Events published but not yet in the database, across the cluster; null when Redis could not say. */
    lag: count.nullable(),
    /** OPS_ARCHIVE_LAG_ALERT: the lag over which an alert is raised. */
    alertAt: count,
  }),
  checkedAt: z.iso.datetime(),
});
export type OpsOverview = z.infer<typeof opsOverviewSchema>;

/** Seed 004's dashboard events, as `ops.feed` yields them (its `agent:status_changed` is `agent_status_changed`, …). */
export const opsFeedEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('agent_status_changed'),
    agentId: id,
    /** Null when the worker has just started. */
    oldStatus: agentStatusSchema.nullable(),
    newStatus: agentStatusSchema,
    at: z.iso.datetime(),
  }),
  z.object({ type: z.literal('agent_heartbeat'), agentId: id, status: workerStatusSchema, runs: z.array(id).max(1000), at: z.iso.datetime() }),
  z.object({ type: z.literal('task_created'), taskId: id, at: z.iso.datetime() }),
  /** `agentId` is null when the job's worker could not be read back. */
  z.object({ type: z.literal('task_assigned'), taskId: id, agentId: id.nullable(), at: z.iso.datetime() }),
  z.object({
    type: z.literal('task_updated'),
    taskId: id,
    progress: z.number().min(0).max(100).nullable(),
    stage: z.string().max(50).nullable(),
    at: z.iso.datetime(),
  }),
  z.object({ type: z.literal('task_completed'), taskId: id, outcome: z.enum(['completed', 'failed']), at: z.iso.datetime() }),
  systemAlertSchema.extend({ type: z.literal('system_alert') }),
]);
export type OpsFeedEvent = z.infer<typeof opsFeedEventSchema>;
export type OpsFeedEventType = OpsFeedEvent['type'];

/** What workers publish on the ops channel for every web instance's feed. */
export type AgentFeedEvent = Extract<OpsFeedEvent, { type: 'agent_status_changed' | 'agent_heartbeat' }>;

/** The progress a worker reports to BullMQ with `job.updateProgress` (the run's task_progress). */
export const jobProgressSchema = z.object({ progress: z.number().min(0).max(100), stage: z.string().max(50) });
export type JobProgress = z.infer<typeof jobProgressSchema>;
