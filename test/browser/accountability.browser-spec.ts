import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';
import { seriousViolations, step } from './support/browser.js';
import { describeConsole, useConsoleSession } from './support/console-session.js';

/**
 * Funds, the scoreboard and scenarios in a real Chromium against the demo planner, as the demo
 * planner. Steps run in order. Skipped on the PostgreSQL pass like the other browser specs.
 * `SCREENSHOT_DIR=/some/dir` also saves a screenshot of each page (for looking at them).
 */
const SCENARIO = 'Browser test: one more festival';

describeConsole('the accountability pages in Chromium', () => {
  const session = useConsoleSession();
  const signIn = (path: string, width?: number) => session.signIn('planner@planner.local', { path, width });

  /** No loading indicator left (a locator, not a page script: the console's CSP forbids eval). */
  const settled = (page: Page) =>
    page.locator('.ant-spin-spinning').first().waitFor({ state: 'hidden', timeout: 30_000 });

  const expectAccessible = async (page: Page) => {
    await settled(page);
    expect(await seriousViolations(page)).toEqual([]);
  };

  const shot = async (page: Page, name: string) => {
    const dir = process.env.SCREENSHOT_DIR;
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
  };

  step(
    'the scoreboard ranks the 2022 units, and the channel view names the most efficient channel',
    async () => {
      const page = await signIn('/scoreboard?year=2022');
      await page.getByRole('heading', { name: 'Scoreboard', level: 1 }).waitFor();
      await settled(page);
      const rows = page.locator('.ant-table-tbody').first().locator('tr.ant-table-row');
      expect(await rows.count()).toBeGreaterThan(1);
      // Each row shows the API's rank (ties as "Tied N"), or says why it is not ranked.
      const board = (await (await page.request.get('/api/v1/scoreboard?year=2022&by=unit')).json()) as {
        rows: {
          label: string;
          notRankedBecause: string | null;
          ranks: { yuanPerMeasuredVisitor: number | null; discipline: number | null };
        }[];
      };
      expect(await rows.count()).toBe(board.rows.length);
      const ranks = (await rows.locator('td:first-child').allInnerTexts()).map((r) => r.trim());
      board.rows.forEach((row, i) => {
        const rank = row.ranks.yuanPerMeasuredVisitor;
        const tied = board.rows.filter((r) => r.ranks.yuanPerMeasuredVisitor === rank).length > 1;
        expect(ranks[i]).toBe(rank === null ? '—' : tied ? `Tied ${rank}` : String(rank));
      });
      await expect(rows.first().innerText()).resolves.toContain(board.rows[0].label);
      const unranked = board.rows.filter((r) => r.notRankedBecause).length;
      expect(await rows.getByText(/^Not ranked: /).count()).toBe(unranked);
      // Discipline is ranked too (with ties).
      const disciplineRanked = board.rows.filter((r) => r.ranks.discipline !== null).length;
      expect(disciplineRanked).toBeGreaterThan(0);
      expect(await rows.getByText(/\(#\d+\)$/).count()).toBeGreaterThanOrEqual(disciplineRanked);
      await page.getByRole('heading', { name: /Unmeasured items/ }).waitFor();
      expect(await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).toBe(
        '/api/v1/scoreboard/export.csv?year=2022&by=unit',
      );
      await expectAccessible(page);
      await shot(page, 'scoreboard-unit');

      await page.getByRole('tab', { name: 'By channel' }).click();
      await settled(page);
      // The page names (and highlights) the channel the API names as leader, and none when it names none.
      const channels = (await (await page.request.get('/api/v1/scoreboard?year=2022&by=channel')).json()) as {
        leader: { key: string } | null;
        rows: unknown[];
      };
      await page
        .locator('.ant-table-tbody')
        .first()
        .locator('tr.ant-table-row')
        .nth(channels.rows.length - 1)
        .waitFor();
      expect(await page.getByText(/Channel with the most visitors per yuan/).count()).toBe(
        channels.leader ? 1 : 0,
      );
      expect(await page.locator('tr.score-leader').count()).toBe(channels.leader ? 1 : 0);
      await expectAccessible(page);
      await shot(page, 'scoreboard-channel');
    },
  );

  step(
    'the funds list shows what each fund has allocated and spent; a fund lists its allocations',
    async () => {
      const page = await signIn('/funds?year=2022');
      await page.getByRole('heading', { name: 'Funds', level: 1 }).waitFor();
      await settled(page);
      const links = page.locator('.ant-table-tbody a');
      expect(await links.count()).toBeGreaterThan(0);
      await page.getByRole('button', { name: 'New fund' }).waitFor();
      await expectAccessible(page);
      await shot(page, 'funds');

      const name = await links.first().innerText();
      await links.first().click();
      await page.getByRole('heading', { name, level: 1 }).waitFor();
      await page.getByRole('heading', { name: 'Allocations to campaigns' }).waitFor();
      await expectAccessible(page);
      await shot(page, 'fund');

      // Asking for more than the fund holds: the 409 is shown with its amounts, nothing changes.
      const before = await page.locator('.ant-table-footer').innerText();
      const open = page
        .locator('tr.ant-table-row')
        .filter({ hasText: /Scheduled|Active|Draft/ })
        .first();
      await open.getByRole('button', { name: 'Change allocation' }).click();
      const dialog = page.getByRole('dialog', { name: 'Change allocation' });
      await dialog.getByLabel('Amount (yuan)').fill('999000000');
      await dialog.getByRole('button', { name: 'Change allocation' }).click();
      const alert = dialog.getByRole('alert').filter({ hasText: 'More than the fund holds' });
      await alert.waitFor();
      await expect(alert.innerText()).resolves.toMatch(
        /holds [\d,]+ yuan, of which [\d,]+ are allocated.*999,000,000 were asked/s,
      );
      // Said once, in the dialog: no toast repeats it, and nothing claims someone else changed the fund.
      await expect(
        page
          .locator('.ant-message-notice')
          .filter({ hasText: /exceed|meantime/ })
          .count(),
      ).resolves.toBe(0);
      await expectAccessible(page);
      await shot(page, 'fund-over-allocated');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(page.locator('.ant-table-footer').innerText()).resolves.toBe(before);

      // The campaign names the funds it draws on, this one among them.
      await open.getByRole('link').first().click();
      const funding = page
        .locator('.ant-card')
        .filter({ has: page.getByRole('heading', { name: 'Funding' }) });
      await funding.getByRole('link', { name }).waitFor();
      await funding.getByText(/yuan allocated from funds, which is the budget/).waitFor();
      await expectAccessible(page);
      // Its budget is the sum of its allocations: the form shows it and does not let it be typed over.
      await page.getByRole('button', { name: 'Edit campaign' }).click();
      await page
        .getByText('This campaign draws on funds: its budget is the sum of its allocations')
        .waitFor();
      expect(await page.getByLabel('Budget (yuan)').isDisabled()).toBe(true);
    },
  );

  step(
    'a planner creates a scenario with one more festival and sees its projection',
    async () => {
      const page = await signIn('/scenarios');
      await page.getByRole('heading', { name: 'Scenarios', level: 1 }).waitFor();
      await expectAccessible(page);
      await page.getByRole('button', { name: 'New scenario' }).click();
      const create = page.getByRole('dialog', { name: 'New scenario' });
      await create.getByLabel('Name').fill(SCENARIO);
      await create.getByRole('button', { name: 'New scenario' }).click();
      await page.getByRole('heading', { name: SCENARIO, level: 1 }).waitFor();

      await page.getByRole('button', { name: 'Add a change' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add a change' });
      await dialog.getByLabel('Name').fill('Autumn music festival');
      await dialog.getByLabel('Venue').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
      await dialog.getByLabel('Start date').fill('2022-10-10');
      await dialog.getByLabel('Start date').press('Enter');
      await dialog.getByLabel('End date (included)').fill('2022-10-16');
      await dialog.getByLabel('End date (included)').press('Enter');
      await dialog.getByLabel('Expected attendance').fill('60000');
      await dialog.getByLabel('Visitors from outside the city (%)').fill('70');
      await dialog.getByRole('button', { name: 'Add a change' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page
        .getByRole('cell', { name: /Autumn music festival/ })
        .first()
        .waitFor();

      // The first target is chosen; its projection is computed by a job, and the page refetches it.
      const table = page.getByRole('table', { name: 'Effect on a target' });
      await table.getByRole('columnheader', { name: 'With this scenario' }).waitFor({ timeout: 60_000 });
      const median = page.getByRole('row', { name: /Year total \(median\)/ });
      await expect(median.getByRole('cell').nth(3).innerText()).resolves.toMatch(/^[+−±]/);
      await page.getByRole('heading', { name: 'Gap plan' }).waitFor();
      await expectAccessible(page);
      await shot(page, 'scenario');
    },
    120_000,
  );

  step(
    "an organizer reads its festival's measured effect, for the city and its venue, shared with the campaign by name",
    async () => {
      const page = await session.signIn('tianmen@planner.local', { path: '/events' });
      await page.getByRole('link', { name: /autumn music festival/ }).click();
      const card = page.getByRole('region', { name: 'Measured effect' });
      // Measured by a job after the demo loads: the card fills in by itself.
      await card.getByText('Extra visitors · City').waitFor({ timeout: 60_000 });
      await card.getByText('Extra visitors · Tianmen Mountain National Forest Park').waitFor();
      // The split of the city's figures names the items it shares with (two tables: visitors, revenue).
      await card
        .getByRole('link', { name: /^Campaign · 2021 秋季节庆营销/ })
        .first()
        .waitFor();
      await card
        .getByRole('link', { name: /^Event · 2021 Tianmen Mountain autumn music festival/ })
        .first()
        .waitFor();
      await expectAccessible(page);
      await shot(page, 'event-effect');
    },
    90_000,
  );

  step('the pages are usable at 390 px; a list scrolled sideways keeps its names in view', async () => {
    for (const path of [
      '/scoreboard?year=2022',
      '/funds',
      '/scenarios',
      '/events',
      '/campaigns',
      '/targets',
    ]) {
      const page = await signIn(path, 390);
      await page.locator('.ant-table').first().waitFor();
      await settled(page);
      const overflow = Number(
        await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'),
      );
      expect(overflow).toBeLessThanOrEqual(0);
      // Scrolled to its far right, the table still shows its first column at the left edge.
      const table = page.locator('.ant-table-content').first();
      await table.evaluate((el) => (el.scrollLeft = el.scrollWidth));
      const first = await page.locator('.ant-table-thead th').first().boundingBox();
      expect([path, first && first.x < 40 && first.x + first.width > 40]).toEqual([path, true]);
      await shot(page, `narrow-${path.slice(1).replace(/\W.*/, '')}`);
      await page.context().close();
    }
  });
});
