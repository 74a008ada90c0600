import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, jest } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';
import { anyStepFailed, launchChromium, newContext, SCREENSHOTS, watch } from './browser.js';
import { startPlanner, type RunningPlanner } from './planner.js';

export interface OpenOptions {
  /** The console's language; null leaves the console's own default (Chinese). Default: English. */
  language?: 'en' | 'zh-CN' | null;
  width?: number;
}

export interface SignInOptions extends OpenOptions {
  path?: string;
  password?: string;
}

/** The demo planner and a Chromium shared by one spec's steps, and fresh pages on them. */
export interface ConsoleSession {
  /** The running planner (set once the spec's beforeAll has run). */
  readonly planner: RunningPlanner;
  /** A page in a new context (its own cookies and storage). */
  open(options?: OpenOptions): Promise<Page>;
  /** A page in a new context, signed in as `email` on the sign-in form, at `path` (default `/`). */
  signIn(email: string, options?: SignInOptions): Promise<Page>;
}

/**
 * Starts the demo planner and Chromium before a spec's steps and stops both after them (call it
 * inside the spec's describe).
 */
export function useConsoleSession(): ConsoleSession {
  let planner: RunningPlanner | undefined;
  let chromium: Awaited<ReturnType<typeof launchChromium>> | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [planner, chromium] = await Promise.all([startPlanner(), launchChromium()]);
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await chromium?.close();
    // After a failed step, the planner's output (its warnings name every 4xx and 5xx it answered)
    // is kept beside the screenshots: the planner's own folder goes when it stops.
    if (planner && anyStepFailed()) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      const spec = basename(expect.getState().testPath ?? 'spec').replace(/\..*$/, '');
      writeFileSync(join(SCREENSHOTS, `${spec}-planner.log`), planner.process.output());
    }
    await planner?.stop();
  }, 60_000);

  const running = (): RunningPlanner => {
    if (!planner) throw new Error('the planner is not started yet');
    return planner;
  };

  const open = async (options: OpenOptions = {}): Promise<Page> => {
    const context = await newContext(chromium!.browser, {
      baseURL: running().url,
      language: options.language === null ? undefined : (options.language ?? 'en'),
      width: options.width,
    });
    contexts.push(context);
    return watch(await context.newPage());
  };

  const signIn = async (email: string, options: SignInOptions = {}): Promise<Page> => {
    const page = await open(options);
    const zh = options.language === 'zh-CN';
    await page.goto(options.path ?? '/');
    await page.getByLabel(zh ? '邮箱' : 'Email').fill(email);
    await page
      .getByLabel(zh ? '密码' : 'Password', { exact: true })
      .fill(options.password ?? running().password);
    await page.getByRole('button', { name: zh ? /登\s*录/ : 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    return page;
  };

  return {
    get planner() {
      return running();
    },
    open,
    signIn,
  };
}

/**
 * `describe` for a browser spec. CI runs the suite twice, on SQLite and with
 * DATABASE_URL=postgres…; the spawned planner is the embedded SQLite start either way (that is how
 * users start it), so the PostgreSQL pass would repeat the same run: it skips the spec. A real
 * Chromium against a real server on a shared 2-core CI machine: a step that fails is run once more
 * from its start (each step signs in afresh); its first failure is still printed.
 */
export function describeConsole(name: string, fn: () => void): void {
  jest.retryTimes(1, { logErrorsBeforeRetry: true });
  const onPostgres = (process.env.DATABASE_URL ?? '').startsWith('postgres');
  (onPostgres ? describe.skip : describe)(name, fn);
}
