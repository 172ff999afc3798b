/** The file a worker thread starts, and the TypeScript module it then loads (from source only). */
export interface ThreadEntry {
  file: URL;
  entry?: string;
}

/**
 * Where one of our worker threads starts. From source (tsx, vitest) the caller is a .ts
 * file and its thread's module needs the tsx bootstrap (thread-boot.mjs); in the esbuild
 * bundle, every module's `import.meta.url` is dist/server.js and the thread is its sibling
 * entry point dist/<bundleName>.js (scripts/build-server.mjs).
 *
 * `sourceUrl`: the thread's TypeScript module, as `new URL('./x-thread.ts', import.meta.url)`.
 */
export function threadEntry(bundleName: string, sourceUrl: URL, moduleUrl: string = import.meta.url): ThreadEntry {
  if (new URL(moduleUrl).pathname.endsWith('.ts')) {
    return { file: new URL('./thread-boot.mjs', moduleUrl), entry: sourceUrl.href };
  }
  return { file: new URL(`./${bundleName}.js`, moduleUrl) };
}
