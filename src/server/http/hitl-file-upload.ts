import type { IncomingMessage, ServerResponse } from 'node:http';
import { TRPCError } from '@trpc/server';
import { hitlIdSchema } from '~/shared/pipeline';
import { ownedQuestion } from '../api/trpc';
import type { ServerServices } from '../services';
import { answerHitlWithFile } from '../services/hitl-answers';
import { assertResumePdf } from '../services/resume-files';
import { sendJson } from './json-reply';
import { receivePdf, refuseUpload } from './pdf-upload';

const PATH = /^\/api\/hitl\/([^/]+)\/file$/;

/** The question id of a PUT /api/hitl/<hitlId>/file path, or null for any other path. */
export function hitlFilePath(path: string): string | null {
  return PATH.exec(path)?.[1] ?? null;
}

/**
 * PUT /api/hitl/<hitlId>/file: answers a question that asks for a file (a resume the
 * profile lacks) with the PDF itself, checked as the profile's resume is.
 * `x-save-to-profile: yes` also makes it the profile's resume. The answer follows
 * hitl.respond's rules: the first wins, a second gets CONFLICT, another user's or an
 * expired question NOT_FOUND.
 */
export async function handleHitlFileUpload(
  services: ServerServices,
  req: IncomingMessage,
  res: ServerResponse,
  origins: ReadonlySet<string>,
  rawHitlId: string,
): Promise<void> {
  try {
    const { user, fileName, bytes } = await receivePdf(services, req, origins);
    const hitlId = hitlIdSchema.safeParse(rawHitlId);
    if (!hitlId.success) throw new TRPCError({ code: 'NOT_FOUND', message: `No question ${rawHitlId.slice(0, 80)}` });
    const request = await ownedQuestion(services, user.id, hitlId.data);
    assertResumePdf(bytes);
    const save = String(req.headers['x-save-to-profile'] ?? '').toLowerCase() === 'yes';
    sendJson(res, 200, await answerHitlWithFile(services, request, { fileName, bytes }, user.id, save));
  } catch (err) {
    refuseUpload(req, res, err);
  }
}
