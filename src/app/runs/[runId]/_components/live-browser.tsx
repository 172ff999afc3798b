import type { LiveFrame } from '~/shared/frames';
import type { Narration } from '~/shared/run-state';

interface Props {
  frame: LiveFrame | null;
  /** The applier's latest narration from the event log. */
  narration: Narration | null;
  autoApply: boolean;
  /** The run has ended: no frame is coming any more. */
  finished: boolean;
}

function placeholder(autoApply: boolean, finished: boolean): string {
  if (finished) return 'The run has ended, so there is no live browser to show.';
  if (!autoApply) return 'The browser appears here when the applier starts. This run does not apply (auto-apply is off).';
  return 'The browser appears here when the applier starts';
}

/**
 * The applier's browser as it works, about five frames a second. The frame's own
 * caption says what was happening when it was taken; the narration below is the
 * latest thing the applier reported, which can be a step ahead of the picture.
 */
export function LiveBrowser({ frame, narration, autoApply, finished }: Props) {
  return (
    <section aria-label="Live browser" className="min-w-0 rounded-lg border border-slate-200 bg-white p-3 sm:p-4">
      <h2 className="text-lg font-semibold text-slate-900">Live browser</h2>
      {frame ? (
        <figure className="mt-3">
          {/* A data URL changing five times a second: next/image would only add work here. */}
          <img
            alt="Live view of the applier's browser"
            data-frame={frame.frame}
            src={`data:image/jpeg;base64,${frame.screenshot}`}
            width={frame.width}
            height={frame.height}
            className="h-auto w-full rounded border border-slate-300 bg-slate-100"
          />
          <figcaption className="mt-2 text-sm text-slate-800">{frame.caption}</figcaption>
        </figure>
      ) : (
        <p className="mt-3 flex aspect-video items-center justify-center rounded border border-dashed border-slate-400 bg-slate-50 p-4 text-center text-sm text-slate-700">
          {placeholder(autoApply, finished)}
        </p>
      )}
      {narration ? (
        <p className="mt-2 text-sm text-slate-800">
          <span className="font-medium">Latest action:</span> {narration.text}
        </p>
      ) : null}
    </section>
  );
}
