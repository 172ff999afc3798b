import type { Page } from 'playwright-core';
import type { DialogWatch } from './dialogs';
import type { ApplicantFacts } from './field-mapper';
import type { FieldQuestions } from './field-questions';
import type { FillAction } from './form-filler';
import type { FormFiles } from './form-planner';
import type { FieldDescriptor } from './read-fields';

/** One filled field, as the draft shows it. */
export interface FilledField {
  label: string;
  value: string;
  confident: boolean;
}

/** What the walker tells the agent as it goes, for events and the live view. */
export interface WalkEvents {
  /** Before a field is filled or asked about: a pause point, a line of narration. */
  beforeField?(label: string): Promise<void>;
  filled?(label: string, action: FillAction, by: 'profile' | 'user'): Promise<void>;
  /** A Continue / Next button was clicked. */
  clicked?(label: string): Promise<void>;
  /** The form moved on to this step (2, 3…). */
  step?(n: number): Promise<void>;
  /** The page refused to move on and said this (an alert, an error message). */
  pageSaid?(message: string): Promise<void>;
}

export interface WalkOptions {
  page: Page;
  facts: ApplicantFacts;
  files: FormFiles;
  questions: FieldQuestions;
  /** Each browser action's own limit (BROWSER_STEP_TIMEOUT_MS). */
  timeoutMs: number;
  events?: WalkEvents;
}

/** Everything one walk through a form keeps track of. */
export interface WalkSession extends WalkOptions {
  dialogs: DialogWatch;
  /** Every field read, by ref, in page order. */
  known: Map<string, FieldDescriptor>;
  /** What was put where, by ref, for the draft. */
  filled: Map<string, FilledField>;
  /** Fields left empty on purpose (optional, and nothing to put there). */
  leftEmpty: Set<string>;
}
