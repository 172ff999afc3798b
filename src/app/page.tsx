export default function HomePage() {
  return (
    <main>
      <h1>jobstream</h1>
      <p>
        The live control room for an AI job-search pipeline: scout, analyst, applier and the questions they ask
        you, streamed as they happen.
      </p>
      <p>
        API: tRPC over HTTP at <code>/api/trpc</code>, subscriptions over WebSocket at <code>/api/trpc-ws</code>;{' '}
        <a href="/api/health">health</a> and <a href="/api/metrics">metrics</a>.
      </p>
    </main>
  );
}
