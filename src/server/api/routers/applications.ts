import { z } from 'zod';
import { applyUrlSchema } from '~/shared/pipeline';
import { startRun } from '../../services/run-control';
import { createTRPCRouter, protectedProcedure } from '../trpc';

export const applyToUrlSchema = z.object({
  url: applyUrlSchema,
  /** Show the filled application for approval before anything is submitted (on by default). */
  draftMode: z.boolean().default(true),
  useCompanyResearch: z.boolean().default(false),
  useResumeTailoring: z.boolean().default(false),
  useCoverLetter: z.boolean().default(false),
});

/** "jobs.example.com/acme/123": what the run list shows for a run that applies to one link. */
function linkLabel(url: string): string {
  const { hostname, pathname } = new URL(url);
  return `Apply: ${hostname.replace(/^www\./, '')}${pathname === '/' ? '' : pathname}`.slice(0, 200);
}

export const applicationsRouter = createTRPCRouter({
  /**
   * Applies to one posting (seed 000's start_apply): a run that reads and scores the
   * page, then fills its form in the browser through the same applier, draft review,
   * ledger and live view as a pipeline's. Returns the run to watch.
   */
  applyToUrl: protectedProcedure.input(applyToUrlSchema).mutation(({ ctx, input }) =>
    startRun(ctx.services, ctx.user.id, {
      query: linkLabel(input.url),
      location: '',
      autoApply: true,
      minMatchScore: 0,
      draftMode: input.draftMode,
      useCompanyResearch: input.useCompanyResearch,
      useResumeTailoring: input.useResumeTailoring,
      useCoverLetter: input.useCoverLetter,
      maxApplications: 1,
      applyUrl: input.url,
    }),
  ),
});
