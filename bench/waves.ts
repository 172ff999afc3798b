/**
 * Opening thousands of sockets at once overflows the server's accept backlog, and a
 * dropped SYN costs a one-second retransmit: the time to open them would measure the
 * kernel's retry timer, not the server. So sockets open in waves of WAVE_SIZE.
 */
export const WAVE_SIZE = 250;

/** Runs `open` for every index in 0..count-1, at most `size` at a time, in order of index. */
export async function inWaves<R>(count: number, open: (index: number) => Promise<R>, size = WAVE_SIZE): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < count; start += size) {
    const wave = Array.from({ length: Math.min(size, count - start) }, (_, i) => open(start + i));
    results.push(...(await Promise.all(wave)));
  }
  return results;
}
