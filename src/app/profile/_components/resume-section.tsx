import { TextAreaField } from '../../_components/form-controls';
import { fieldId, type Profile } from './profile-draft';
import { ResumeUpload } from './resume-upload';
import { Section, type SectionProps } from './section';

export function ResumeSection({ draft, onChange, errors, resumeFile }: SectionProps & { resumeFile: Profile['resumeFile'] }) {
  return (
    <Section id="profile-resume" title="Resume" intro="The analyst scores every job against your resume text, and the tailoring stage rewrites from it.">
      <div className="flex flex-col gap-6">
        <TextAreaField
          id={fieldId('resumeText')}
          name="resumeText"
          label="Resume text"
          hint="Paste your resume as plain text."
          rows={12}
          value={draft.resumeText}
          onChange={(e) => onChange({ resumeText: e.target.value })}
          error={errors.resumeText}
        />
        <ResumeUpload current={resumeFile} />
      </div>
    </Section>
  );
}
