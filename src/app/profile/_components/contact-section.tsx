import type { HTMLInputTypeAttribute } from 'react';
import { TextField } from '../../_components/form-controls';
import { fieldId, type TextKey } from './profile-draft';
import { Section, type SectionProps } from './section';

interface ContactField {
  key: TextKey;
  label: string;
  type?: HTMLInputTypeAttribute;
  autoComplete?: string;
  placeholder?: string;
  hint?: string;
}

const FIELDS: readonly ContactField[] = [
  { key: 'name', label: 'Full name', autoComplete: 'name' },
  { key: 'firstName', label: 'First name', autoComplete: 'given-name' },
  { key: 'lastName', label: 'Last name', autoComplete: 'family-name' },
  { key: 'email', label: 'Email', type: 'email', autoComplete: 'email', hint: 'Where employers will write to you.' },
  { key: 'phone', label: 'Phone', type: 'tel', autoComplete: 'tel', placeholder: '+1 555 123 4567' },
  { key: 'location', label: 'Location', autoComplete: 'address-level2', placeholder: 'Berlin, Germany' },
  { key: 'linkedinUrl', label: 'LinkedIn URL', type: 'url', placeholder: 'https://www.linkedin.com/in/…' },
  { key: 'githubUrl', label: 'GitHub URL', type: 'url', placeholder: 'https://github.com/…' },
  { key: 'websiteUrl', label: 'Website', type: 'url', autoComplete: 'url', placeholder: 'https://…' },
  { key: 'currentCompany', label: 'Current company', autoComplete: 'organization' },
];

export function ContactSection({ draft, onChange, errors }: SectionProps) {
  return (
    <Section id="profile-contact" title="Contact details" intro="The applier copies these into application forms exactly as written here.">
      <div className="grid gap-4 sm:grid-cols-2">
        {FIELDS.map((field) => (
          <TextField
            key={field.key}
            id={fieldId(field.key)}
            name={field.key}
            label={field.label}
            type={field.type ?? 'text'}
            autoComplete={field.autoComplete}
            placeholder={field.placeholder}
            hint={field.hint}
            value={draft[field.key]}
            onChange={(e) => onChange({ [field.key]: e.target.value })}
            error={errors[field.key]}
          />
        ))}
      </div>
    </Section>
  );
}
