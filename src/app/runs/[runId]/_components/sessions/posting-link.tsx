import { safeHref } from '../../_lib/safe-href';

/** " · The posting", for a session header's details line; nothing when there is no (safe) link. */
export function PostingLink({ url }: { url: string | undefined }) {
  const href = url ? safeHref(url) : null;
  if (!href) return null;
  return (
    <>
      {' · '}
      <a href={href} target="_blank" rel="noopener noreferrer" className="font-medium text-blue-800 underline underline-offset-2">
        The posting<span className="sr-only"> (opens in a new tab)</span>
      </a>
    </>
  );
}
