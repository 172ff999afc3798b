/**
 * Every Redis key and channel, in one place. Per-run keys share a hash tag ({runId})
 * so that the Lua scripts touching several of them stay valid on Redis Cluster.
 */
export function redisKeys(prefix: string) {
  const run = (runId: string) => `${prefix}:run:{${runId}}`;
  return {
    prefix,
    queueName: 'pipeline',
    userRuns: (userId: string) => `${prefix}:user:{${userId}}:runs`,
    userHitlPending: (userId: string) => `${prefix}:user:{${userId}}:hitl-pending`,
    userNotes: (userId: string) => `${prefix}:user:{${userId}}:notes`,
    alertsChannel: `${prefix}:alerts`,
    runMeta: (runId: string) => `${run(runId)}:meta`,
    runSeq: (runId: string) => `${run(runId)}:seq`,
    runLog: (runId: string) => `${run(runId)}:log`,
    runLive: (runId: string) => `${run(runId)}:live`,
    runControl: (runId: string) => `${run(runId)}:control`,
    runHitl: (runId: string) => `${run(runId)}:hitl`,
    /** The latest live browser frame, for viewers that join mid-run. */
    runFrame: (runId: string) => `${run(runId)}:frame`,
    /** Worker → web: every new live frame (never stored in the event log). */
    runFrames: (runId: string) => `${run(runId)}:frames`,
    /** Set once the wait before an attempt has been announced (task_queued), by whichever worker saw it first. */
    runQueuedAnnounced: (runId: string, attempt: number) => `${run(runId)}:queued:${attempt}`,
    /** A session's current round: open for the user's turn, or taken by it. */
    runTurn: (runId: string) => `${run(runId)}:turn`,
    /** Turn ids a session has applied, so that a retried turn is applied once. */
    runTurnIds: (runId: string) => `${run(runId)}:turn-ids`,
    /** The conversation a career chat's first message started, by its turn id (a retry finds it). */
    conversationStart: (userId: string, turnId: string) => `${prefix}:conversation-start:${userId}:${turnId}`,
    /** The run an AG-UI client's own thread id started, so that a retried first request finds it. */
    aguiThread: (userId: string, threadId: string) => `${prefix}:agui-thread:{${userId}}:${threadId}`,
    /** Ids of the AG-UI messages a run has acted on (its start, the user's turns), so that a resent one is not acted on twice. */
    aguiMessages: (runId: string) => `${run(runId)}:agui-messages`,
    /** Worker → web: text being written (model tokens), ephemeral, never stored. */
    runTyping: (runId: string) => `${run(runId)}:typing`,
    /** The profile and resume a run started with (the worker never reads the database). */
    runInputs: (runId: string) => `${run(runId)}:inputs`,
    /** Per user: every application a worker began or finished submitting, by job. */
    userApplications: (userId: string) => `${prefix}:user:{${userId}}:applications`,
    hitl: (hitlId: string) => `${prefix}:hitl:{${hitlId}}`,
    /** The file a file question was answered with (fileName, bytes). */
    hitlFile: (hitlId: string) => `${prefix}:hitl:{${hitlId}}:file`,
    hitlPending: `${prefix}:hitl-pending`,
    /** Settled questions counted by outcome, for /api/metrics. */
    hitlStats: `${prefix}:hitl-stats`,
    /** Worker → everyone: run control requests (stop, pause, resume). */
    controlChannel: `${prefix}:control`,
    /** Web → workers: a HITL question was answered. */
    hitlAnsweredChannel: `${prefix}:hitl-answered`,
    /** Web → workers: a session's turn was taken (the message is the run id). */
    turnsChannel: `${prefix}:turns`,
    workers: `${prefix}:workers`,
    /** Each worker's last heartbeat (status, runs held), for the operator's dashboard; removed by its goodbye. */
    workerInfo: `${prefix}:workers:info`,
    /** Each web instance's last heartbeat (sockets, subscriptions), for the operator's dashboard. */
    instances: `${prefix}:instances`,
    /** Workers and web → every web instance's ops.feed: heartbeats and status changes. */
    opsChannel: `${prefix}:ops`,
    /** Set by the web instance that reports a worker lost, so that it is reported once; its next beat clears it. */
    workerLostMark: (workerId: string) => `${prefix}:ops-alert:worker-lost:${workerId}`,
    /** Set while the archive's lag is over OPS_ARCHIVE_LAG_ALERT, so that each crossing is reported once. */
    archiveBehindMark: `${prefix}:ops-alert:archive-behind`,
    /** Every published event, once, for the database archive (a consumer group reads it). */
    archiveStream: `${prefix}:archive`,
    /** A random id set by the first process to reach this Redis: a new one means Redis lost its data. */
    epoch: `${prefix}:epoch`,
    /** Per epoch: the highest seq each run had reached by what web instances still held in memory. */
    epochSeen: (epoch: string) => `${prefix}:epoch:${epoch}:seen`,
    /** Per epoch: taken by the one web instance that closes the runs whose live state was lost. */
    epochRecovery: (epoch: string) => `${prefix}:epoch:${epoch}:recovery`,
  };
}

export type RedisKeys = ReturnType<typeof redisKeys>;
