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
    hitl: (hitlId: string) => `${prefix}:hitl:{${hitlId}}`,
    hitlPending: `${prefix}:hitl-pending`,
    /** Settled questions counted by outcome, for /api/metrics. */
    hitlStats: `${prefix}:hitl-stats`,
    /** Worker → everyone: run control requests (stop, pause, resume). */
    controlChannel: `${prefix}:control`,
    /** Web → workers: a HITL question was answered. */
    hitlAnsweredChannel: `${prefix}:hitl-answered`,
    workers: `${prefix}:workers`,
    /** Every published event, once, for the database archive (a consumer group reads it). */
    archiveStream: `${prefix}:archive`,
  };
}

export type RedisKeys = ReturnType<typeof redisKeys>;
