/** The file a worker thread starts, and the TypeScript module it then loads (from source only). */
export interface ThreadEntry {
  file: URL;
  entry?: string;
}

/**
 * Where the embedded database's thread starts. From source (tsx, vitest) this module is
 * a .ts file beside pglite-thread.ts, which needs the tsx bootstrap; in the esbuild
 * bundle, `import.meta.url` is dist/server.js and the thread is its sibling entry
 * point dist/pglite-thread.js (scripts/build-server.mjs).
 */
export function pgliteThreadEntry(moduleUrl: string = import.meta.url): ThreadEntry {
  if (new URL(moduleUrl).pathname.endsWith('.ts')) {
    return { file: new URL('./thread-boot.mjs', moduleUrl), entry: new URL('./pglite-thread.ts', moduleUrl).href };
  }
  return { file: new URL('./pglite-thread.js', moduleUrl) };
}
