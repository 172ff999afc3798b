import type { ProfileFields } from './profile';

/** What auto-apply asks for on nearly every application form. */
export interface MissingForApplying {
  field: 'name' | 'email' | 'phone' | 'location' | 'resume';
  /** As a person says it: "your phone number". */
  label: string;
}

/**
 * The profile's empty fields that application forms ask for. Each is asked during the
 * run (once, when the user keeps the answer), so none blocks a start; the start form
 * says which they are, so a newcomer can fill them first.
 */
export function missingForApplying(
  profile: Pick<ProfileFields, 'name' | 'firstName' | 'lastName' | 'email' | 'phone' | 'location' | 'resumeText'> & {
    resumeFile: { fileName: string } | null;
  },
): MissingForApplying[] {
  const missing: MissingForApplying[] = [];
  if (!profile.name.trim() && !(profile.firstName.trim() && profile.lastName.trim())) missing.push({ field: 'name', label: 'your name' });
  if (!profile.email.trim()) missing.push({ field: 'email', label: 'your email' });
  if (!profile.phone.trim()) missing.push({ field: 'phone', label: 'your phone number' });
  if (!profile.location.trim()) missing.push({ field: 'location', label: 'where you are based' });
  if (!profile.resumeFile) {
    missing.push({ field: 'resume', label: profile.resumeText.trim() ? 'a resume PDF (your resume text would be printed instead)' : 'a resume (a PDF, or its text)' });
  }
  return missing;
}
