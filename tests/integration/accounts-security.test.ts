import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { attemptSignIn, newUser, signIn, signOut } from '../helpers/auth';
import { connect, errorOf } from '../helpers/client';
import { startWeb } from '../helpers/processes';
import { useStack } from '../helpers/stack';

const FREE = 3;
const CAP_SECONDS = 2;

// Small settings so waits pass in seconds; TRUST_PROXY so each test signs in "from" addresses of its own.
const t = useStack({
  workers: 0,
  applicant: false,
  env: { SIGNIN_FREE_ATTEMPTS: String(FREE), SIGNIN_MAX_BACKOFF_SECONDS: String(CAP_SECONDS), TRUST_PROXY: 'true' },
});

const url = () => t.stack.webs[0]!.url;
const from = (address: string) => ({ 'x-forwarded-for': address });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const wrong = 'certainly not the password';

const forAccount = (wait: string) => `Too many sign-in attempts for this account. Try again in ${wait}.`;
const fromNetwork = (wait: string) => `Too many sign-in attempts from your network. Try again in ${wait}.`;

async function failFreely(email: string, headers: Record<string, string>, times = FREE): Promise<void> {
  for (let i = 0; i < times; i++) {
    expect((await attemptSignIn(url(), email, wrong, headers)).error).toBe('CredentialsSignin');
  }
}

describe('sign-in throttling', () => {
  it('after SIGNIN_FREE_ATTEMPTS wrong passwords an account waits, even for the right password; the wait doubles, then the right password works', async () => {
    const user = await newUser(url(), 'Throttled');
    const here = from('10.1.1.1');
    await failFreely(user.email, here);

    expect(await attemptSignIn(url(), user.email, user.password, here)).toEqual({ status: 401, cookie: null, error: forAccount('1 second') });
    await sleep(1100);
    // Past the wait the password is checked again; one more failure doubles the wait.
    expect((await attemptSignIn(url(), user.email, wrong, here)).error).toBe('CredentialsSignin');
    expect((await attemptSignIn(url(), user.email, user.password, here)).error).toBe(forAccount('2 seconds'));
    // Guesses during the wait are refused unread and do not lengthen it.
    for (let i = 0; i < 5; i++) {
      expect((await attemptSignIn(url(), user.email, wrong, here)).error).toMatch(/^Too many sign-in attempts for this account\./);
    }
    await sleep(CAP_SECONDS * 1000 + 100);
    expect((await attemptSignIn(url(), user.email, user.password, here)).cookie).toBeTruthy();
  });

  it('one address trying many accounts is throttled, other addresses are not, and a success from an address clears its count', async () => {
    const victim = await newUser(url(), 'Victim');
    const spraying = from('10.1.2.1');
    for (let i = 0; i < FREE; i++) {
      expect((await attemptSignIn(url(), `nobody-${i}-${randomBytes(3).toString('hex')}@example.com`, wrong, spraying)).error).toBe('CredentialsSignin');
    }
    expect((await attemptSignIn(url(), victim.email, victim.password, spraying)).error).toBe(fromNetwork('1 second'));
    expect((await attemptSignIn(url(), victim.email, victim.password, from('10.1.2.2'))).cookie).toBeTruthy();

    // FREE - 1 failures, a success, FREE - 1 failures again: never throttled, since the success started the count afresh.
    const office = from('10.1.2.3');
    await failFreely(`typo-${randomBytes(3).toString('hex')}@example.com`, office, FREE - 1);
    expect((await attemptSignIn(url(), victim.email, victim.password, office)).cookie).toBeTruthy();
    await failFreely(`typo-${randomBytes(3).toString('hex')}@example.com`, office, FREE - 1);
    expect((await attemptSignIn(url(), victim.email, victim.password, office)).cookie).toBeTruthy();
  });

  it('an attacker hammering one account from one address never holds the owner up elsewhere, and no wait exceeds SIGNIN_MAX_BACKOFF_SECONDS', async () => {
    const owner = await newUser(url(), 'Owner');
    const attacker = from('10.1.3.1');
    const waits: number[] = [];
    let checked = 0;
    const end = Date.now() + 6000;
    while (Date.now() < end) {
      const attempt = await attemptSignIn(url(), owner.email, wrong, attacker);
      const wait = /Try again in (\d+) (second|seconds)\.$/.exec(attempt.error ?? '');
      if (wait) {
        waits.push(Number(wait[1]));
        await sleep(100);
      } else {
        expect(attempt.error).toBe('CredentialsSignin');
        checked++;
      }
    }
    expect(waits.length).toBeGreaterThan(0);
    expect(Math.max(...waits)).toBeLessThanOrEqual(CAP_SECONDS);
    // 6 s of hammering got the free attempts and about one more per wait, not hundreds.
    expect(checked).toBeLessThan(FREE + 8);
    // Meanwhile the owner, from their own address, signs in at once…
    expect((await attemptSignIn(url(), owner.email, owner.password, from('10.1.3.2'))).cookie).toBeTruthy();
    // …and even from the attacker's address after at most the cap.
    await sleep(CAP_SECONDS * 1000 + 100);
    expect((await attemptSignIn(url(), owner.email, owner.password, attacker)).cookie).toBeTruthy();
  });

  it('counters are kept per account: guesses at one account from many addresses make it wait, and leave other accounts alone', async () => {
    const target = await newUser(url(), 'Target');
    const bystander = await newUser(url(), 'Bystander');
    // Throttled from the address that guessed, not from another one.
    await failFreely(target.email, from('10.1.4.1'));
    expect((await attemptSignIn(url(), target.email, target.password, from('10.1.4.1'))).error).toBe(forAccount('1 second'));
    // Four addresses' worth of guesses: now the account waits for everyone.
    for (const address of ['10.1.4.2', '10.1.4.3', '10.1.4.4']) await failFreely(target.email, from(address));
    const fresh = from('10.1.4.9');
    expect((await attemptSignIn(url(), target.email, target.password, fresh)).error).toBe(forAccount('1 second'));
    expect((await attemptSignIn(url(), bystander.email, bystander.password, fresh)).cookie).toBeTruthy();
    await sleep(1100);
    expect((await attemptSignIn(url(), target.email, target.password, fresh)).cookie).toBeTruthy();
  });

  it('without TRUST_PROXY, X-Forwarded-For (and a forged socket-address header) are ignored: the socket’s address counts', async () => {
    const web = await startWeb({ ...t.stack.env, TRUST_PROXY: 'false', KEY_PREFIX: `${t.stack.env.KEY_PREFIX ?? 't'}np` });
    try {
      for (let i = 0; i < FREE; i++) {
        const attempt = await attemptSignIn(web.url, `nobody-${i}@example.com`, wrong, from(`10.1.5.${i}`));
        expect(attempt.error).toBe('CredentialsSignin');
      }
      const forged = { ...from('10.1.5.99'), 'x-jobstream-socket-address': '10.1.5.98' };
      expect((await attemptSignIn(web.url, t.user.email, t.user.password, forged)).error).toBe(fromNetwork('1 second'));
    } finally {
      await web.kill9();
    }
  });
});

describe('passwords', () => {
  it('short, common and personal passwords are refused with what to do; a strong one is accepted', async () => {
    const anon = connect(url());
    try {
      const signUp = (email: string, password: string, name = 'Sam') => anon.client.auth.signUp.mutate({ email, password, name });
      const email = () => `pw-${randomBytes(4).toString('hex')}@example.com`;
      for (const password of ['password', '12345678']) {
        expect(await errorOf(signUp(email(), password))).toEqual({ code: 'BAD_REQUEST', message: 'password: at least 10 characters' });
      }
      for (const password of ['password123', '1234567890', 'qwertyuiop', 'iloveyou12', 'passwordpassword']) {
        expect(await errorOf(signUp(email(), password)), password).toEqual({
          code: 'BAD_REQUEST',
          message: 'password: this password is too common; add words or characters that are not easy to guess',
        });
      }
      const personal = await errorOf(signUp(`zanetta.quill.${randomBytes(2).toString('hex')}@example.com`, 'zanettaquill!', 'Zanetta Quill'));
      expect(personal).toEqual({
        code: 'BAD_REQUEST',
        message: 'password: this password is too easy to guess from your name or email; add words or characters that are not easy to guess',
      });

      const strong = email();
      await signUp(strong, 'violet kettle marching north');
      expect(await signIn(url(), strong, 'violet kettle marching north')).toMatch(/^next-auth\.session-token=/);
    } finally {
      await anon.close();
    }
  });
});

describe('sign-up does not tell whether an email has an account', () => {
  const password = 'another strong passphrase 7';
  const post = (input: { email: string; password: string; name: string }) =>
    fetch(`${url()}/api/trpc/auth.signUp`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });

  it('a taken email gets the same status and body as a new one, and the account keeps its password and name', async () => {
    const owner = await newUser(url(), 'Original Name');
    const fresh = await post({ email: `fresh-${randomBytes(4).toString('hex')}@example.com`, password, name: 'Someone' });
    const taken = await post({ email: owner.email.toUpperCase(), password, name: 'Someone Else' });
    expect(taken.status).toBe(fresh.status);
    expect(await taken.text()).toBe(await fresh.text());

    const me = connect(url(), await signIn(url(), owner.email, owner.password));
    try {
      expect(await me.client.auth.me.query()).toMatchObject({ email: owner.email, name: 'Original Name' });
    } finally {
      await me.close();
    }
    expect((await attemptSignIn(url(), owner.email, password, from('10.1.6.1'))).error).toBe('CredentialsSignin');
  });

  it('takes as long for a taken email as for a new one (medians of several samples)', async () => {
    const owner = await newUser(url(), 'Timing');
    const timed = async (email: string) => {
      const started = performance.now();
      const res = await post({ email, password, name: 'Timing' });
      await res.text();
      return performance.now() - started;
    };
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const fresh: number[] = [];
    const taken: number[] = [];
    for (let i = 0; i < 9; i++) {
      // Interleaved, so that any slowdown of the machine falls on both alike.
      fresh.push(await timed(`timing-${i}-${randomBytes(4).toString('hex')}@example.com`));
      taken.push(await timed(owner.email));
    }
    console.info(`[sign-up timing] median new email ${median(fresh).toFixed(1)} ms, taken email ${median(taken).toFixed(1)} ms`);
    expect(median(taken)).toBeGreaterThanOrEqual(median(fresh) * 0.5);
    expect(median(fresh)).toBeGreaterThanOrEqual(median(taken) * 0.5);
  });
});

describe('next-auth’s /api/auth/session', () => {
  it('answers {} for a cookie from before a sign-out, as tRPC and the socket do', async () => {
    const user = await newUser(url(), 'Session');
    const session = async (cookie: string) => {
      const res = await fetch(`${url()}/api/auth/session`, { headers: { cookie } });
      return { body: (await res.json()) as unknown, cleared: res.headers.getSetCookie().some((c) => /^next-auth\.session-token=;/.test(c)) };
    };
    expect((await session(user.cookie)).body).toMatchObject({ user: { email: user.email } });
    await signOut(url(), user.cookie);
    expect(await session(user.cookie)).toEqual({ body: {}, cleared: true });
  });
});
