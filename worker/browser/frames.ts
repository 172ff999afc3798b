import type { Frame, Page } from 'playwright-core';
import { z } from 'zod';
import { MARK_FRAMES } from './page-scripts/field-states-script';

/**
 * The frames of a page a person can see, main frame first, in the order they appear:
 * a form embedded in an iframe (same-origin or not) is part of the page, a hidden or
 * off-screen iframe is not (it could collect what the applier types, like a hidden
 * field). A frame that cannot be read (gone, or an error page) is left out.
 */
export async function visibleFrames(page: Page): Promise<Frame[]> {
  const visible: Frame[] = [];
  const queue: Frame[] = [page.mainFrame()];
  for (let frame = queue.shift(); frame; frame = queue.shift()) {
    if (!(await markChildFrames(frame))) continue;
    visible.push(frame);
    for (const child of frame.childFrames()) {
      if (await isShownFrame(child)) queue.push(child);
    }
  }
  return visible;
}

async function markChildFrames(frame: Frame): Promise<boolean> {
  try {
    return (await frame.evaluate(MARK_FRAMES)) === true;
  } catch {
    return false;
  }
}

async function isShownFrame(frame: Frame): Promise<boolean> {
  try {
    const element = await frame.frameElement();
    const mark = await element.getAttribute('data-jobstream-frame');
    await element.dispose();
    return mark === 'visible';
  } catch {
    return false;
  }
}

/** Runs an in-page script in every visible frame; frames that fail (navigating away, gone) give nothing. */
export async function inEveryFrame<T>(page: Page, script: string, parse: (raw: unknown) => T): Promise<{ frame: Frame; result: T }[]> {
  const results: { frame: Frame; result: T }[] = [];
  for (const frame of await visibleFrames(page)) {
    try {
      results.push({ frame, result: parse(await frame.evaluate(script)) });
    } catch (err) {
      // A malformed answer from our own script is a bug to surface, unlike a frame that went away.
      if (err instanceof z.ZodError) throw err;
    }
  }
  return results;
}

/** Which frame holds each field the walker read, by its ref. */
const fieldFrames = new WeakMap<Page, Map<string, Frame>>();

export function rememberFrame(page: Page, ref: string, frame: Frame): void {
  let refs = fieldFrames.get(page);
  if (!refs) {
    refs = new Map();
    fieldFrames.set(page, refs);
  }
  refs.set(ref, frame);
}

/** The frame that holds a field (a date part's ref names its group's), the main frame when unknown. */
export function frameOf(page: Page, ref: string): Frame {
  const refs = fieldFrames.get(page);
  const frame = refs?.get(ref) ?? refs?.get(ref.split(/[-:]/)[0] ?? ref);
  return frame && !frame.isDetached() ? frame : page.mainFrame();
}
