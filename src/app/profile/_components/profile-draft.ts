import type { RouterInputs, RouterOutputs } from '~/trpc/types';

export type Profile = RouterOutputs['profile']['get'];
export type ProfileUpdate = RouterInputs['profile']['update'];
type Fields = Required<ProfileUpdate>;

/** The fields that are plain text on the server, edited as they are. */
export type TextKey = { [K in keyof Fields]: Fields[K] extends string ? K : never }[keyof Fields];
export type YesNo = NonNullable<Fields['workAuthorization']>;
export type BoardKind = Fields['jobSources'][number]['kind'];

/** One job board row; `key` only keeps React's rows apart while some are added and removed. */
export interface BoardRow {
  key: number;
  kind: BoardKind;
  board: string;
}

/**
 * What the form holds: every control's raw value as a string, so a half-typed number or an
 * empty date is kept as typed until save turns it into the server's shape.
 */
export type ProfileDraft = Record<TextKey, string> & {
  yearsOfExperience: string;
  workAuthorization: YesNo | '';
  requiresSponsorship: YesNo | '';
  earliestStartDate: string;
  jobSources: BoardRow[];
};

/** Messages by the server's path: "email", "jobSources.2.board", "jobSources". */
export type FieldErrors = Partial<Record<string, string>>;

// A Record over TextKey, so a text field added to the schema fails to compile until it is listed here.
const TEXT_FIELDS: Record<TextKey, true> = {
  name: true,
  firstName: true,
  lastName: true,
  email: true,
  phone: true,
  location: true,
  linkedinUrl: true,
  githubUrl: true,
  websiteUrl: true,
  currentCompany: true,
  desiredSalary: true,
  resumeText: true,
};
const TEXT_KEYS = Object.keys(TEXT_FIELDS) as TextKey[];
const OTHER_KEYS = ['yearsOfExperience', 'workAuthorization', 'requiresSponsorship', 'earliestStartDate', 'jobSources'];

export const MAX_BOARDS = 20;

let rowKeys = 0;
export function newBoardRow(kind: BoardKind = 'greenhouse', board = ''): BoardRow {
  rowKeys += 1;
  return { key: rowKeys, kind, board };
}

export function toDraft(profile: Profile): ProfileDraft {
  const text = Object.fromEntries(TEXT_KEYS.map((key) => [key, profile[key]])) as Record<TextKey, string>;
  return {
    ...text,
    yearsOfExperience: profile.yearsOfExperience === null ? '' : String(profile.yearsOfExperience),
    workAuthorization: profile.workAuthorization ?? '',
    requiresSponsorship: profile.requiresSponsorship ?? '',
    earliestStartDate: profile.earliestStartDate ?? '',
    jobSources: profile.jobSources.map((source) => newBoardRow(source.kind, source.board)),
  };
}

/** "" is no answer; a number goes to the server, which says whether it is whole and in range. */
function parseYears(raw: string): number | null | 'not a number' {
  const text = raw.trim();
  if (text === '') return null;
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : 'not a number';
}

/**
 * Only what differs from the saved profile, so a save never overwrites a field the user did
 * not touch; plus the problems that can be told before asking the server.
 */
export function draftChanges(draft: ProfileDraft, saved: Profile): { changes: ProfileUpdate; errors: FieldErrors } {
  const changes: ProfileUpdate = {};
  const errors: FieldErrors = {};
  for (const key of TEXT_KEYS) {
    if (draft[key] !== saved[key]) changes[key] = draft[key];
  }
  const years = parseYears(draft.yearsOfExperience);
  if (years === 'not a number') errors.yearsOfExperience = 'a whole number, like 5';
  else if (years !== saved.yearsOfExperience) changes.yearsOfExperience = years;
  for (const key of ['workAuthorization', 'requiresSponsorship'] as const) {
    const value = draft[key] === '' ? null : draft[key];
    if (value !== saved[key]) changes[key] = value;
  }
  const date = draft.earliestStartDate === '' ? null : draft.earliestStartDate;
  if (date !== saved.earliestStartDate) changes.earliestStartDate = date;
  const boards = draft.jobSources.map(({ kind, board }) => ({ kind, board }));
  const sameBoards =
    boards.length === saved.jobSources.length &&
    boards.every((b, i) => b.kind === saved.jobSources[i]?.kind && b.board === saved.jobSources[i].board);
  if (!sameBoards) changes.jobSources = boards;
  return { changes, errors };
}

/** Whether a server path belongs to a control on this form (else it is shown for the whole form). */
export function isFormPath(path: string): boolean {
  if ((TEXT_KEYS as string[]).includes(path) || OTHER_KEYS.includes(path)) return true;
  return /^jobSources\.\d+\.(kind|board)$/.test(path);
}

/** The element id of the control for a path, also used for its hint and error ids. */
export function fieldId(path: string): string {
  return `profile-${path.replaceAll('.', '-')}`;
}
