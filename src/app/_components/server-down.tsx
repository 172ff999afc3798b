'use client';

/**
 * Shown instead of a page when the server cannot be reached at all, so a dead server never
 * looks like an empty account or a signed-out user.
 */
export function ServerDown({ message }: { message: string }) {
  return (
    <section aria-labelledby="server-down-title" className="mx-auto max-w-xl rounded-lg border border-amber-300 bg-amber-50 p-5 sm:p-8">
      <h1 id="server-down-title" className="text-2xl font-bold tracking-tight text-slate-900">
        {"Can't reach jobstream"}
      </h1>
      <p className="mt-3 text-slate-800">
        The jobstream server is not answering: either it is down or your network is. Check your connection; if you run
        jobstream yourself, check that the server is started. Then try again.
      </p>
      {message ? (
        <p className="mt-3 text-sm text-slate-700">
          What the browser said: <code className="break-all rounded bg-white px-1">{message}</code>
        </p>
      ) : null}
      <button
        type="button"
        onClick={() => window.location.reload()}
        className="mt-5 inline-flex items-center justify-center rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800"
      >
        Try again
      </button>
    </section>
  );
}
