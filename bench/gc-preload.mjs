/**
 * Preloaded into every server of the browser workload:
 *   node --expose-gc --import <this file> …
 * On SIGUSR2 it runs a full GC, and another 100 ms later (the second collects what
 * the first one's finalizers and weak callbacks let go), then prints
 * "[bench-gc] done <n>", so that the benchmark reads RSS only once the heap settled.
 * An ES module, not CommonJS, because the repository's ESLint setup checks only
 * .js/.mjs without type information; it runs before tsx's loader and needs none.
 */
let collections = 0;

process.on('SIGUSR2', () => {
  const gc = globalThis.gc;
  if (typeof gc !== 'function') {
    console.log('[bench-gc] unavailable: start node with --expose-gc');
    return;
  }
  gc();
  setTimeout(() => {
    gc();
    collections += 1;
    console.log(`[bench-gc] done ${collections}`);
  }, 100);
});
