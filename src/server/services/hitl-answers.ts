import { TRPCError } from '@trpc/server';
import type { HitlRequest } from '~/shared/hitl';
import type { ServerServices } from './index';

/**
 * Answers a question on behalf of its run's owner. The store settles it atomically
 * (first answer wins, across every web instance); the worker waiting on it is told
 * through Redis and reads the answer back from the store.
 */
export async function answerHitl(
  s: ServerServices,
  request: HitlRequest,
  response: string,
  answeredBy: string,
): Promise<{ hitlId: string; status: 'answered' }> {
  if (request.options.length > 0 && !request.options.includes(response)) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `response: must be one of ${request.options.map((o) => `"${o}"`).join(', ')}`,
    });
  }
  const outcome = await s.stores.hitl.settle(request.hitlId, 'answered', response, answeredBy);
  switch (outcome) {
    case 'ok':
      await s.redis.publish(s.stores.keys.hitlAnsweredChannel, request.hitlId);
      return { hitlId: request.hitlId, status: 'answered' };
    case 'answered':
      throw new TRPCError({ code: 'CONFLICT', message: 'This question was already answered.' });
    case 'timed_out':
    case 'expired':
      throw new TRPCError({ code: 'NOT_FOUND', message: 'This question timed out; the agent went on with its default.' });
    case 'cancelled':
      throw new TRPCError({ code: 'NOT_FOUND', message: 'This question was cancelled because its run stopped.' });
    case 'missing':
      throw new TRPCError({ code: 'NOT_FOUND', message: `No question ${request.hitlId}` });
  }
}
