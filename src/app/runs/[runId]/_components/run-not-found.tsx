import Link from 'next/link';

/** Missing, malformed and other people's runs all land here: the server does not say which, nor do we. */
export function RunNotFound({ runId }: { runId: string }) {
  return (
    <section aria-labelledby="run-not-found-title" className="mx-auto max-w-xl py-8">
      <h1 id="run-not-found-title" className="text-2xl font-bold tracking-tight text-slate-900">
        Run not found
      </h1>
      <p className="mt-3 text-slate-700">
        There is no run <code className="break-all rounded bg-slate-100 px-1">{runId}</code> in your account. The link
        may be mistyped, or the run may belong to another account or have expired.
      </p>
      <Link
        href="/dashboard"
        className="mt-5 inline-flex rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800"
      >
        Go to your dashboard
      </Link>
    </section>
  );
}
