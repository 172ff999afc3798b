import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerServices } from '../services';
import { uploadResume } from '../services/profiles';
import { sendJson } from './json-reply';
import { receivePdf, refuseUpload } from './pdf-upload';

export const RESUME_UPLOAD_PATH = '/api/profile/resume';

/**
 * PUT /api/profile/resume: the resume as the raw PDF body (see pdf-upload.ts). What
 * the profile page uses; profile.uploadResume, taking base64 in JSON, stays for
 * scripts. The answer is the profile, or an error in the API's error shape.
 */
export async function handleResumeUpload(
  services: ServerServices,
  req: IncomingMessage,
  res: ServerResponse,
  origins: ReadonlySet<string>,
): Promise<void> {
  try {
    const { user, fileName, bytes } = await receivePdf(services, req, origins);
    sendJson(res, 200, await uploadResume(services, user.id, fileName, bytes));
  } catch (err) {
    refuseUpload(req, res, err);
  }
}
