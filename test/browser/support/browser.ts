import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { it } from '@jest/globals';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = resolve('test/browser/screenshots');

/**
 * Debian's Chromium, headless. The networking flags keep it from calling home on this offline
 * machine (otherwise it floods the log with refused connections). Playwright itself starts every
 * launch with a fresh temporary `--user-data-dir` (and refuses one in `args`) and deletes it on
 * close.
 */
export async function launchChromium() {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}

/** A context in the given language (the console's choice, as the language switch stores it). */
export async function newContext(
  browser: Awaited<ReturnType<typeof launchChromium>>['browser'],
  options: { baseURL: string; language?: 'en' | 'zh-CN'; width?: number },
): Promise<BrowserContext> {
  const width = options.width ?? 1280;
  const context = await browser.newContext({
    baseURL: options.baseURL,
    viewport: { width, height: width < 500 ? 844 : 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  context.setDefaultTimeout(15_000);
  if (options.language) {
    const lang = JSON.stringify(options.language);
    await context.addInitScript({
      content: `if (!localStorage.getItem('planner.language')) localStorage.setItem('planner.language', ${lang});`,
    });
  }
  return context;
}

const open = new Set<Page>();

/** Pages whose screenshots are saved when a test fails. */
export function watch(page: Page): Page {
  open.add(page);
  page.on('close', () => open.delete(page));
  return page;
}

let failedAttempts = 0;

/** Whether a step of this spec has failed, retries included (its planner's log is then kept). */
export function anyStepFailed(): boolean {
  return failedAttempts > 0;
}

/**
 * `it`, saving into test/browser/screenshots, when it fails, a screenshot of every open page and
 * the list of their addresses (`<step>-pages.txt`, in the screenshots' order).
 */
export function step(name: string, fn: () => Promise<void>, timeout = 60_000): void {
  it(
    name,
    async () => {
      try {
        await fn();
      } catch (error) {
        failedAttempts++;
        mkdirSync(SCREENSHOTS, { recursive: true });
        const slug = name.replace(/[^\w]+/g, '-').slice(0, 80);
        const urls: string[] = [];
        let i = 0;
        for (const page of open) {
          urls.push(`${i} ${page.url()}`);
          await page
            .screenshot({ path: join(SCREENSHOTS, `${slug}-${i++}.png`), fullPage: true })
            .catch(() => undefined);
        }
        writeFileSync(join(SCREENSHOTS, `${slug}-pages.txt`), `${urls.join('\n')}\n`);
        throw error;
      }
    },
    timeout,
  );
}

/** What the check reads of the page's `Animation`s (the Node typings have no DOM). */
interface PageAnimation {
  playState: string;
  effect: { getComputedTiming(): { iterations?: number } } | null;
}

/** axe-core on the page as it stands: the serious and critical violations, named for the message. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Colours are judged at rest: a panel still fading in (antd's motion) reads as low contrast.
  // (Endless ones, such as a spinner's, are not waited for.)
  await page.waitForFunction(() =>
    (globalThis as unknown as { document: { getAnimations(): PageAnimation[] } }).document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
  );
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
}

/**
 * A dialog once it is ready for input, as a person sees it: the field it opens on is visible and
 * has the keyboard focus (antd focuses an `autoFocus` field when the dialog has mounted). Clicking
 * its buttons before that can land while it is still opening.
 */
export async function openedDialog(page: Page, name: string, field: string): Promise<Locator> {
  const dialog = page.getByRole('dialog', { name });
  await focused(dialog.getByLabel(field));
  return dialog;
}

/**
 * Answers a confirmation dialog with the button named `name`, once the dialog is ready: antd's
 * confirm focuses its OK button when it has opened, and a click before that can be lost.
 */
export async function confirmWith(page: Page, name: string): Promise<void> {
  const button = page.getByRole('dialog').getByRole('button', { name });
  await focused(button);
  await button.click();
}

/** Waits until the element is visible and holds the keyboard focus. */
export async function focused(locator: Locator, timeout = 15_000): Promise<void> {
  await locator.waitFor({ timeout });
  const deadline = Date.now() + timeout;
  while (!(await locator.evaluate((el) => el === el.ownerDocument.activeElement))) {
    if (Date.now() > deadline) throw new Error(`${String(locator)} never took the focus`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
