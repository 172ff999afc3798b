import { z } from 'zod';
import { eventCatalog } from './events/catalog';
import { runIdSchema } from './pipeline';

/**
 * A live frame of the applier's browser. Frames are not history: each run keeps only
 * its latest, and a viewer that cannot keep up skips to the newest (design notes,
 * Events 7). The picture itself has the browser_screenshot event's shape.
 */
export const liveFrameSchema = eventCatalog.browser_screenshot.extend({
  runId: runIdSchema,
  /** Counts up from 1 within a run; a gap means the viewer skipped frames. */
  frame: z.number().int().min(1),
  capturedAt: z.iso.datetime(),
  /** What the applier was doing when the frame was taken (its latest narration). */
  caption: z.string().max(300),
});
export type LiveFrame = z.infer<typeof liveFrameSchema>;
