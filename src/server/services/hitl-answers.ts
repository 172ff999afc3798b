import { TRPCError } from '@trpc/server';
import { type z } from 'zod';
import { FILE_ANSWER_PREFIX, MULTIPLE_CHOICE_SEPARATOR, type HitlRequest } from '~/shared/hitl';
import { profileFieldsSchema, questionKey, type ProfileFields, type SavedAnswer } from '~/shared/profile';
import { formatZodError } from '../api/errors';
import type { ServerServices } from './index';
import { getProfile, updateProfile } from './profiles';
import { saveResumeFile } from './resume-files';

/** What an answer changes in the profile when the user keeps it there. */
type ProfileChange = { fields: Partial<ProfileFields> } | { resume: { fileName: string; bytes: Buffer } };

/**
 * Answers a question on behalf of its run's owner. The store settles it atomically
 * (first answer wins, across every web instance); the worker waiting on it is told
 * through Redis and reads the answer back from the store. With `saveToProfile`, the
 * answer is also kept in the profile (checked first, so a bad value changes nothing),
 * and the worker learns so, not to ask it again.
 */
export async function answerHitl(
  s: ServerServices,
  request: HitlRequest,
  response: string,
  answeredBy: string,
  saveToProfile = false,
): Promise<{ hitlId: string; status: 'answered'; savedToProfile: boolean }> {
  checkResponse(request, response);
  const change = saveToProfile && request.saveAs ? await profileChange(s, request, response) : null;
  return settleAndSave(s, request, response, answeredBy, change);
}

/** A file question answered with its file (PUT /api/hitl/<hitlId>/file). */
export async function answerHitlWithFile(
  s: ServerServices,
  request: HitlRequest,
  file: { fileName: string; bytes: Buffer },
  answeredBy: string,
  saveToProfile: boolean,
): Promise<{ hitlId: string; status: 'answered'; savedToProfile: boolean }> {
  if (request.answerKind !== 'file') throw new TRPCError({ code: 'BAD_REQUEST', message: 'This question does not ask for a file.' });
  assertPending(request);
  // Kept before the question settles, so the worker finds it the moment it hears the answer.
  await s.stores.hitl.storeFile(request.hitlId, file);
  const change = saveToProfile && request.saveAs?.to === 'resume' ? { resume: file } : null;
  return settleAndSave(s, request, `${FILE_ANSWER_PREFIX}${file.fileName}`, answeredBy, change);
}

async function settleAndSave(
  s: ServerServices,
  request: HitlRequest,
  answer: string,
  answeredBy: string,
  change: ProfileChange | null,
): Promise<{ hitlId: string; status: 'answered'; savedToProfile: boolean }> {
  const outcome = await s.stores.hitl.settle(request.hitlId, 'answered', answer, answeredBy);
  if (outcome !== 'ok') throw settleError(outcome, request.hitlId);
  if (change) {
    await applyChange(s, request.userId, change);
    await s.stores.hitl.markSavedToProfile(request.hitlId);
  }
  await s.redis.publish(s.stores.keys.hitlAnsweredChannel, request.hitlId);
  return { hitlId: request.hitlId, status: 'answered', savedToProfile: change !== null };
}

function checkResponse(request: HitlRequest, response: string): void {
  if (request.options.length === 0) return;
  const chosen = request.multiple ? response.split(MULTIPLE_CHOICE_SEPARATOR).map((c) => c.trim()).filter(Boolean) : [response];
  const unknown = chosen.filter((c) => !request.options.includes(c));
  if (chosen.length === 0 || unknown.length > 0) {
    const hint = request.answerKind === 'file' ? ', or upload the file' : request.multiple ? ' (one per line)' : '';
    throw new TRPCError({ code: 'BAD_REQUEST', message: `response: must be one of ${request.options.map((o) => `"${o}"`).join(', ')}${hint}` });
  }
}

/** A question that is no longer waiting gets the same answers as hitl.respond gives. */
function assertPending(request: HitlRequest): void {
  if (request.status === 'pending') return;
  throw settleError(request.status, request.hitlId);
}

/** The profile change an answer makes, checked as profile.update would check it. */
async function profileChange(s: ServerServices, request: HitlRequest, response: string): Promise<ProfileChange | null> {
  const target = request.saveAs;
  if (!target || target.to === 'resume') return null;
  if (target.to === 'profile') {
    const field = profileFieldsSchema.shape[target.field];
    const parsed = (field as z.ZodType).safeParse(response);
    if (!parsed.success) {
      throw new TRPCError({ code: 'BAD_REQUEST', message: `This answer cannot be saved to your profile: ${formatZodError(parsed.error)}` });
    }
    return { fields: { [target.field]: parsed.data } };
  }
  const current = (await getProfile(s, request.userId)).savedAnswers;
  const saved: SavedAnswer = { question: target.question, answer: response };
  const others = current.filter((a) => questionKey(a.question) !== questionKey(saved.question));
  const savedAnswers = profileFieldsSchema.shape.savedAnswers.safeParse([...others, saved]);
  if (!savedAnswers.success) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: `This answer cannot be saved to your profile: ${formatZodError(savedAnswers.error)}` });
  }
  return { fields: { savedAnswers: savedAnswers.data } };
}

async function applyChange(s: ServerServices, userId: string, change: ProfileChange): Promise<void> {
  if ('resume' in change) await saveResumeFile(s.db, userId, change.resume.fileName, change.resume.bytes);
  else await updateProfile(s, userId, change.fields);
}

function settleError(outcome: string, hitlId: string): TRPCError {
  switch (outcome) {
    case 'answered':
      return new TRPCError({ code: 'CONFLICT', message: 'This question was already answered.' });
    case 'timed_out':
    case 'expired':
      return new TRPCError({ code: 'NOT_FOUND', message: 'This question timed out; the agent went on with its default.' });
    case 'cancelled':
      return new TRPCError({ code: 'NOT_FOUND', message: 'This question was cancelled because its run stopped.' });
    default:
      return new TRPCError({ code: 'NOT_FOUND', message: `No question ${hitlId}` });
  }
}
