import { SelectField, TextField } from '../../_components/form-controls';
import { fieldId, type YesNo } from './profile-draft';
import { Section, type SectionProps } from './section';

const YES_NO: readonly { value: YesNo | ''; label: string }[] = [
  { value: '', label: 'Not set' },
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

function asYesNo(value: string): YesNo | '' {
  return value === 'yes' || value === 'no' ? value : '';
}

export function WorkSection({ draft, onChange, errors }: SectionProps) {
  return (
    <Section
      id="profile-work"
      title="Work"
      intro="Answers to the questions most application forms ask. Anything left unset, the applier asks you about."
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id={fieldId('yearsOfExperience')}
          name="yearsOfExperience"
          label="Years of experience"
          inputMode="numeric"
          hint="A whole number, 0 to 70."
          value={draft.yearsOfExperience}
          onChange={(e) => onChange({ yearsOfExperience: e.target.value })}
          error={errors.yearsOfExperience}
        />
        <TextField
          id={fieldId('desiredSalary')}
          name="desiredSalary"
          label="Desired salary"
          hint="As you would write it on a form, like $120,000."
          value={draft.desiredSalary}
          onChange={(e) => onChange({ desiredSalary: e.target.value })}
          error={errors.desiredSalary}
        />
        <SelectField
          id={fieldId('workAuthorization')}
          name="workAuthorization"
          label="Authorized to work"
          hint="Are you allowed to work where the jobs are?"
          options={YES_NO}
          value={draft.workAuthorization}
          onChange={(e) => onChange({ workAuthorization: asYesNo(e.target.value) })}
          error={errors.workAuthorization}
        />
        <SelectField
          id={fieldId('requiresSponsorship')}
          name="requiresSponsorship"
          label="Needs visa sponsorship"
          hint="Will an employer need to sponsor a visa for you?"
          options={YES_NO}
          value={draft.requiresSponsorship}
          onChange={(e) => onChange({ requiresSponsorship: asYesNo(e.target.value) })}
          error={errors.requiresSponsorship}
        />
        <TextField
          id={fieldId('earliestStartDate')}
          name="earliestStartDate"
          label="Earliest start date"
          type="date"
          value={draft.earliestStartDate}
          onChange={(e) => onChange({ earliestStartDate: e.target.value })}
          error={errors.earliestStartDate}
        />
      </div>
    </Section>
  );
}
