import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { TOO_COMMON, TOO_PERSONAL, weakPasswordReason } from '~/server/auth/password-policy';
import { ratePassword } from '~/server/auth/password-strength';

const someone = { email: 'sam@example.com', name: 'Sam' };

describe('password strength (zxcvbn)', () => {
  it('refuses common passwords, and ones built from the person’s own name or email, saying what to do', async () => {
    for (const password of ['password123', '1234567890', 'qwertyuiop', 'iloveyou12', 'passwordpassword', 'Summer2024!']) {
      expect(await weakPasswordReason(password, someone), password).toBe(TOO_COMMON);
    }
    expect(await weakPasswordReason('zanettaquill!', someone)).toBeNull();
    expect(await weakPasswordReason('zanettaquill!', { email: 'zanetta.quill@example.com', name: 'Zanetta Quill' })).toBe(TOO_PERSONAL);
    expect(await weakPasswordReason('alice2024!', { email: 'alice@example.com', name: 'Alice' })).toBe(TOO_PERSONAL);
  });

  it('accepts strong passwords', async () => {
    for (const password of ['violet kettle marching north', 'pw-3f9c2a71d04be85e', `x'); DROP TABLE "User"; --pw`]) {
      expect(await weakPasswordReason(password, someone), password).toBeNull();
    }
  });

  it('rates in its own thread: the event loop keeps turning while checks run', async () => {
    await ratePassword('warm up the dictionaries', []); // loading happens once, in the thread
    const passwords = Array.from({ length: 20 }, (_, i) => `${'Xk9#mQ2$vL7!pR4@zN8&wT1^bY6*cH3'.repeat(3).slice(i, i + 40)}${i}`);
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const results = await Promise.all(passwords.map((p) => ratePassword(p, [])));
    delay.disable();
    const checking = results.reduce((sum, r) => sum + r.elapsedMs, 0);
    const sorted = results.map((r) => r.elapsedMs).sort((a, b) => a - b);
    console.info(
      `[password-strength] ${results.length} checks: median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} ms, ` +
        `max ${sorted.at(-1)?.toFixed(1)} ms in the thread; main thread's longest stall ${(delay.max / 1e6).toFixed(1)} ms`,
    );
    // Relative, not absolute: had the checks run on this thread, it would have stalled for all of them.
    expect(delay.max / 1e6).toBeLessThan(Math.max(checking / 2, 50));
  });
});
