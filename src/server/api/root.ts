import { apiTokensRouter } from './routers/api-tokens';
import { applicationsRouter } from './routers/applications';
import { authRouter } from './routers/auth';
import { careerRouter } from './routers/career';
import { hitlRouter } from './routers/hitl';
import { interviewRouter } from './routers/interview';
import { networkRouter } from './routers/network';
import { opsRouter } from './routers/ops';
import { pipelineRouter } from './routers/pipeline';
import { profileRouter } from './routers/profile';
import { roomsRouter } from './routers/rooms';
import { salaryRouter } from './routers/salary';
import { sessionsRouter } from './routers/sessions';
import { systemRouter } from './routers/system';
import { createTRPCRouter } from './trpc';

export const appRouter = createTRPCRouter({
  auth: authRouter,
  pipeline: pipelineRouter,
  applications: applicationsRouter,
  profile: profileRouter,
  apiTokens: apiTokensRouter,
  rooms: roomsRouter,
  hitl: hitlRouter,
  salary: salaryRouter,
  sessions: sessionsRouter,
  interview: interviewRouter,
  career: careerRouter,
  network: networkRouter,
  system: systemRouter,
  ops: opsRouter,
});

/** The API's type, for @trpc/client and @trpc/react-query; never declared by hand. */
export type AppRouter = typeof appRouter;
