/**
 * "Find me … jobs": the chat proposes a pipeline run and never starts one. The proposal
 * is full pipeline parameters, the schema's defaults filled in by parsing, so that what
 * the page shows is exactly what pipeline.start will run when the user confirms.
 */
import { pipelineParamsSchema, type JobSource, type PipelineParams } from '~/shared/pipeline';

export interface SearchRequest {
  role: string;
  /** From the message; null when it names no place. */
  location: string | null;
  sources: readonly JobSource[] | null;
  /** profile.location: where to search when the message does not say. */
  profileLocation: string;
}

/** The proposed run, or null when the request does not make valid parameters. */
export function proposeSearch(request: SearchRequest): PipelineParams | null {
  const location = request.location ?? (request.profileLocation === '' ? undefined : request.profileLocation);
  const parsed = pipelineParamsSchema.safeParse({
    query: request.role,
    ...(location === undefined ? {} : { location }),
    ...(request.sources && request.sources.length > 0 ? { sources: [...request.sources] } : {}),
  });
  return parsed.success ? parsed.data : null;
}
