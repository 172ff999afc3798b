import { accessSync, constants } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { env } from '~/env';
import { errorChain, startEgressProxy, workerEgress, type Egress, type EgressProxy } from '../egress';
import { launchPlans, SandboxUnavailable, type LaunchPlan, type SandboxSettings } from './sandbox';
import { UserFacingError } from '../user-facing-error';

/**
 * The flags every launch uses: no GPU, none of the background traffic that a closed
 * network refuses, and no way around the egress proxy (QUIC and WebRTC's UDP do not
 * go through an HTTP proxy, so they are switched off).
 */
export const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
  // Chromium's own services (autofill hints, translation, safe-browsing pings): nothing the applier needs.
  '--disable-features=AutofillServerCommunication,Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider',
  '--disable-client-side-phishing-detection',
  '--disable-domain-reliability',
  '--disable-default-apps',
  '--no-pings',
];

export interface ChromiumOptions {
  sandbox: SandboxSettings;
  /** The policy the browser's proxy applies to every connection. */
  egress: Egress;
}

function defaultOptions(): ChromiumOptions {
  const config = env();
  return { sandbox: { mode: config.BROWSER_SANDBOX, user: config.BROWSER_SANDBOX_USER }, egress: workerEgress() };
}

/**
 * Starts a headless Chromium whose every connection goes through an egress proxy in
 * this process, with its sandbox on wherever the machine allows it; the caller
 * closes it (the proxy closes with it).
 */
export async function launchChromium(executablePath: string, options: ChromiumOptions = defaultOptions()): Promise<Browser> {
  assertExecutable(executablePath);
  const proxy = await startEgressProxy(options.egress);
  try {
    const browser = await launchFirstWorking(launchPlans(executablePath, options.sandbox), proxyArgs(proxy), options.sandbox);
    browser.on('disconnected', () => void proxy.close());
    return browser;
  } catch (err) {
    await proxy.close();
    throw err;
  }
}

/**
 * Loopback is bypassed by default; `<-loopback>` takes that exception away, so that
 * 127.0.0.1 and localhost go through the proxy (and its policy) like everything else.
 */
function proxyArgs(proxy: EgressProxy): string[] {
  return [`--proxy-server=${proxy.url}`, '--proxy-bypass-list=<-loopback>'];
}

function assertExecutable(executablePath: string): void {
  try {
    accessSync(executablePath, constants.X_OK);
  } catch {
    throw new UserFacingError(`Could not start Chromium: there is no program at ${executablePath}. Install it (Debian: apt-get install chromium) or set BROWSER_EXECUTABLE_PATH.`);
  }
}

async function launchFirstWorking(plans: LaunchPlan[], extraArgs: string[], settings: SandboxSettings): Promise<Browser> {
  for (const [i, plan] of plans.entries()) {
    try {
      if (plan.unavailable) throw new Error(plan.unavailable);
      const browser = await chromium.launch({
        executablePath: plan.executablePath,
        headless: true,
        chromiumSandbox: plan.sandbox,
        args: [...CHROMIUM_ARGS, ...extraArgs],
      });
      announce(plan);
      return browser;
    } catch (err) {
      console.error(`[worker] Chromium did not start (sandbox ${plan.description}): ${errorChain(err)}`);
      if (i < plans.length - 1) {
        console.warn('[worker] WARNING: trying Chromium without its sandbox (BROWSER_SANDBOX=auto); a compromised page would then run with the worker\'s rights');
      } else if (plan.sandbox && settings.mode === 'on') {
        throw new SandboxUnavailable(plan.unavailable ?? 'it did not start with its sandbox; the worker log says why');
      }
    }
  }
  // The launcher's own wording stays in the log: what the user reads is what to do.
  throw new UserFacingError('Could not start Chromium. Install it (Debian: apt-get install chromium) or set BROWSER_EXECUTABLE_PATH; the worker log has the details.');
}

let announced = '';

/** Says once per process (and again if it changes) whether the sandbox is on and why. */
function announce(plan: LaunchPlan): void {
  if (announced === plan.description) return;
  announced = plan.description;
  const line = `[worker] Chromium sandbox: ${plan.description}; all its traffic goes through the egress proxy`;
  if (plan.sandbox) console.log(line);
  else console.warn(line);
}
