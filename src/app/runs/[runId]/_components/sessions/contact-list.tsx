import { RELATION_LABEL, type Contact, type ContactRelation } from '../../_lib/network-state';
import { safeHref } from '../../_lib/safe-href';

const RELATION_LOOK: Record<ContactRelation, string> = {
  recruiter: 'bg-emerald-100 text-emerald-900',
  hiring_manager: 'bg-blue-100 text-blue-900',
  peer: 'bg-amber-100 text-amber-900',
  other: 'bg-slate-200 text-slate-900',
};

function ContactItem({ contact, rank }: { contact: Contact; rank: number }) {
  const href = safeHref(contact.profileUrl);
  return (
    <li data-contact={contact.name} data-relation={contact.relation} className="rounded border border-slate-200 p-3">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 className="break-words font-semibold text-slate-900">
            <span className="mr-1 tabular-nums text-slate-600">{rank}.</span>
            {contact.name}
          </h3>
          <p className="break-words text-sm text-slate-700">
            {contact.title}
            {contact.team ? ` · ${contact.team}` : ''}
          </p>
        </div>
        <span className={`shrink-0 rounded px-2 py-0.5 text-sm font-semibold ${RELATION_LOOK[contact.relation]}`}>{RELATION_LABEL[contact.relation]}</span>
      </div>
      <p className="mt-2 break-words text-sm text-slate-800">{contact.why}</p>
      <p className="mt-2 flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer" className="font-medium text-blue-800 underline underline-offset-2 hover:text-blue-950">
            Public profile<span className="sr-only"> of {contact.name} (opens in a new tab)</span>
          </a>
        ) : null}
        <span className="text-slate-600">Found on {contact.source}</span>
      </p>
    </li>
  );
}

/** The people found, in the agent's ranking (recruiters first, then the hiring manager and peers). */
export function ContactList({ contacts, searching }: { contacts: readonly Contact[]; searching: boolean }) {
  return (
    <section aria-labelledby="contacts-title" className="min-w-0 space-y-3 rounded-lg border border-slate-200 bg-white p-3 sm:p-4">
      <h2 id="contacts-title" className="text-lg font-semibold text-slate-900">
        People to contact
      </h2>
      {contacts.length > 0 ? (
        <ol aria-label="Contacts, best first" className="space-y-2">
          {contacts.map((contact, i) => (
            <ContactItem key={`${contact.profileUrl}-${contact.name}`} contact={contact} rank={i + 1} />
          ))}
        </ol>
      ) : (
        <p role="status" className="text-slate-700">
          {searching ? 'Looking at the company’s public team pages and profiles…' : 'Nobody was found at this company in the public sources searched.'}
        </p>
      )}
    </section>
  );
}
