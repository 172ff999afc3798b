import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answerQuestions } from '../helpers/applicant';
import { watchRun } from '../helpers/client';
import type { Proc } from '../helpers/processes';
import { oneQuestionRun } from '../helpers/runs';
import { useStack } from '../helpers/stack';

/**
 * The applier's Chromium runs with its sandbox on: on this machine the worker is
 * root, so Chromium runs as BROWSER_SANDBOX_USER (nobody); elsewhere it sandboxes
 * itself with user namespaces. Read from the kernel's view of the worker's Chromium
 * processes while the applier waits for a draft's approval.
 */

const t = useStack({ workers: 0 });

interface ChromiumProcess {
  pid: number;
  uid: number;
  /** 2 is seccomp-bpf: the filter Chromium's sandbox puts on renderers. */
  seccomp: number;
  commandLine: string;
}

function processInfo(pid: number): { ppid: number; uid: number; seccomp: number; commandLine: string } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
    return { ppid: field('PPid'), uid: field('Uid'), seccomp: field('Seccomp'), commandLine };
  } catch {
    return null; // exited meanwhile
  }
}

/** Every Chromium process descended from the worker. */
function chromiumOf(worker: Proc): ChromiumProcess[] {
  const all = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);
  const info = new Map(all.flatMap((pid) => {
    const i = processInfo(pid);
    return i ? [[pid, i] as const] : [];
  }));
  const descends = (pid: number): boolean => {
    for (let p = info.get(pid)?.ppid, depth = 0; p !== undefined && p > 1 && depth < 20; p = info.get(p)?.ppid, depth++) {
      if (p === worker.child.pid) return true;
    }
    return false;
  };
  return [...info.entries()]
    .filter(([pid, i]) => /chromium/.test(i.commandLine) && descends(pid))
    .map(([pid, i]) => ({ pid, uid: i.uid, seccomp: i.seccomp, commandLine: i.commandLine }));
}

/** Runs the applier up to its draft question, inspects the browser, then approves and lets the run finish. */
async function applyAndInspect(worker: Proc, n: number): Promise<{ processes: ChromiumProcess[]; submitted: boolean }> {
  const { runId } = await t.api.client.pipeline.start.mutate(oneQuestionRun(n));
  const watch = watchRun(t.api.client, runId);
  await watch.next((e) => e.type === 'hitl_request' && e.data.options.includes('approve'), 120_000);
  const processes = chromiumOf(worker);
  answerQuestions(t.api.client, watch);
  const events = await watch.done;
  expect(events.at(-1)?.type).toBe('pipeline_complete');
  return { processes, submitted: events.some((e) => e.type === 'applier_submitted') };
}

describe("the applier's Chromium", () => {
  it('runs with its sandbox on (as an unprivileged user when the worker is root)', async () => {
    const worker = await t.stack.addWorker();
    try {
      const { processes, submitted } = await applyAndInspect(worker, 0);
      expect(submitted).toBe(true);
      expect(processes.length).toBeGreaterThan(1);
      for (const p of processes) expect(p.commandLine, `pid ${p.pid}`).not.toContain('--no-sandbox');
      const renderers = processes.filter((p) => p.commandLine.includes('--type=renderer'));
      expect(renderers.length).toBeGreaterThan(0);
      for (const r of renderers) expect(r.seccomp, `renderer ${r.pid} has the seccomp-bpf sandbox`).toBe(2);
      if (process.getuid?.() === 0) {
        const nobody = Number(execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).trim());
        for (const p of processes) expect(p.uid, `pid ${p.pid} runs as nobody`).toBe(nobody);
      }
      console.log(`[measure] ${processes.length} Chromium processes, uids ${[...new Set(processes.map((p) => p.uid))].join(',')}, ${renderers.length} renderer(s) with seccomp-bpf`);
      expect(worker.output()).toMatch(/\[worker\] Chromium sandbox: on \(/);
    } finally {
      await worker.kill9();
    }
  }, 180_000);

  it('still works with BROWSER_SANDBOX=off, and says so', async () => {
    const worker = await t.stack.addWorker({ BROWSER_SANDBOX: 'off' });
    try {
      const { processes, submitted } = await applyAndInspect(worker, 1);
      expect(submitted).toBe(true);
      const browserProcess = processes.find((p) => !p.commandLine.includes('--type='));
      expect(browserProcess?.commandLine).toContain('--no-sandbox');
      expect(worker.output()).toContain('[worker] Chromium sandbox: off (BROWSER_SANDBOX=off)');
    } finally {
      await worker.kill9();
    }
  }, 180_000);
});
