/**
 * Runs `shutdown` once on SIGTERM or SIGINT; if it fails, says so and exits non-zero
 * instead of leaving an unhandled rejection behind.
 */
export function onShutdownSignals(component: string, shutdown: (signal: string) => Promise<void>): void {
  const run = (signal: string) =>
    void shutdown(signal).catch((err: unknown) => {
      console.error(`[${component}] shutdown failed: ${(err as Error).message}`);
      process.exit(1);
    });
  process.on('SIGTERM', () => run('SIGTERM'));
  process.on('SIGINT', () => run('SIGINT'));
}
