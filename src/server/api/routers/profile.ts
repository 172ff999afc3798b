import { profileUpdateSchema, resumeUploadSchema } from '~/shared/profile';
import { getProfile, updateProfile, uploadResume } from '../../services/profiles';
import { createTRPCRouter, protectedProcedure } from '../trpc';

export const profileRouter = createTRPCRouter({
  /** Your profile (empty fields until you fill them in) and your resume file's name and size. */
  get: protectedProcedure.query(({ ctx }) => getProfile(ctx.services, ctx.user.id)),

  /** Changes the fields given; leaves the others as they are. */
  update: protectedProcedure
    .input(profileUpdateSchema)
    .mutation(({ ctx, input }) => updateProfile(ctx.services, ctx.user.id, input)),

  /**
   * Uploads your resume as a PDF (base64), at most 5 MB. The web page streams it to
   * PUT /api/profile/resume instead, which spends no main-thread time on JSON or base64.
   */
  uploadResume: protectedProcedure
    .input(resumeUploadSchema)
    .mutation(({ ctx, input }) => uploadResume(ctx.services, ctx.user.id, input.fileName, Buffer.from(input.contentBase64, 'base64'))),
});
