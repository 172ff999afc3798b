import { UserFacingError } from '../user-facing-error';

/** A field the filler could not fill, in words the user can read (unlike the browser's own errors). */
export class FormFillError extends UserFacingError {}
