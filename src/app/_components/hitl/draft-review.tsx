import type { DraftView } from './hitl-dialog';

/** Longer values fold away so the table stays scannable; the whole value is one click (or Enter) away. */
const FOLD_AT = 200;

function FieldValue({ value }: { value: string }) {
  if (value.trim() === '') return <span className="italic text-slate-600">(empty)</span>;
  if (value.length <= FOLD_AT) return <span className="whitespace-pre-wrap">{value}</span>;
  return (
    <details>
      <summary className="cursor-pointer">
        <span className="whitespace-pre-wrap">{value.slice(0, FOLD_AT)}…</span>{' '}
        <span className="font-medium text-blue-800 underline">show all</span>
      </summary>
      <p className="mt-1 whitespace-pre-wrap">{value}</p>
    </details>
  );
}

/** The filled application, as the applier left it: what it put in each field, and the form itself. */
export function DraftReview({ draft }: { draft: DraftView }) {
  const unsure = draft.fields.filter((f) => !f.confident).length;
  return (
    <section aria-label="Draft application" className="space-y-3">
      <p className="text-sm text-slate-700">
        Application to <strong>{draft.title}</strong> at <strong>{draft.company}</strong>:{' '}
        {draft.fields.length} {draft.fields.length === 1 ? 'field' : 'fields'} filled
        {unsure > 0 && (
          <>
            , <span className="font-semibold text-amber-900">{unsure} to check</span>
          </>
        )}
        .
      </p>
      {draft.fields.length > 0 && (
        <table className="w-full table-fixed border-collapse text-left text-sm">
          <caption className="sr-only">Filled fields</caption>
          <thead>
            <tr className="border-b border-slate-300 text-slate-700">
              <th scope="col" className="w-[35%] py-1.5 pr-2 font-semibold">
                Field
              </th>
              <th scope="col" className="py-1.5 pr-2 font-semibold">
                Value
              </th>
              <th scope="col" className="w-16 py-1.5 font-semibold">
                Check
              </th>
            </tr>
          </thead>
          <tbody>
            {draft.fields.map((field, i) => (
              <tr
                key={`${i}-${field.label}`}
                data-confident={field.confident}
                className={`border-b border-slate-200 align-top ${field.confident ? '' : 'bg-amber-50'}`}
              >
                <th scope="row" className="break-words py-1.5 pr-2 font-medium text-slate-800">
                  {field.label}
                </th>
                <td className="break-words py-1.5 pr-2 text-slate-900">
                  <FieldValue value={field.value} />
                </td>
                <td className="py-1.5">
                  {field.confident ? (
                    <span className="sr-only">sure</span>
                  ) : (
                    <span
                      title="The applier was not sure about this value"
                      className="inline-flex items-center gap-1 rounded bg-amber-200 px-1.5 py-0.5 text-xs font-semibold text-amber-950"
                    >
                      <span aria-hidden="true">⚠</span>check
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {draft.screenshot && (
        <figure className="space-y-1">
          <img
            alt="Filled application form"
            src={`data:image/jpeg;base64,${draft.screenshot}`}
            className="h-auto w-full rounded border border-slate-300"
          />
          <figcaption className="text-xs text-slate-600">The form as the applier filled it, before anything was sent.</figcaption>
        </figure>
      )}
    </section>
  );
}
