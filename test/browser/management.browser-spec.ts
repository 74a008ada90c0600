import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';
import { confirmWith, focused, openedDialog, seriousViolations, step } from './support/browser.js';
import { expireSessions } from './support/planner.js';
import { describeConsole, useConsoleSession } from './support/console-session.js';

/**
 * Campaigns, targets and actuals, the weekly report, administration and the account page in a
 * real Chromium against the demo planner started as users start it. Steps run in order.
 * Skipped on the PostgreSQL pass for the same reason as console.browser-spec.ts.
 */

const CAMPAIGN = 'Browser test May Day rail campaign';
const INVITEE = 'invited.planner@planner.local';
const INVITEE_PASSWORD = 'correct horse battery staple';
const SPORTS = '张家界市体育赛事运营中心';
const SPORTS_RENAMED = 'Zhangjiajie Sports Events Centre';

describeConsole('the management pages in Chromium', () => {
  const session = useConsoleSession();
  const { open, signIn } = session;

  /** Waits for the page's data (no loading indicator left), then runs axe. */
  const expectAccessible = async (page: Page) => {
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    // A function, not a string: the console's CSP forbids evaluating strings.
    const idle = () =>
      !(globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector(
        '.ant-spin-spinning',
      );
    await page.waitForFunction(idle, undefined, { timeout: 15_000 });
    expect(await seriousViolations(page)).toEqual([]);
  };

  /** The city visitors target's id, read through the page's own session. */
  const cityVisitorsTarget = async (page: Page): Promise<string> => {
    const answer = await page.request.get('/api/v1/targets?year=2022&limit=200');
    if (!answer.ok()) throw new Error(`GET /api/v1/targets: ${answer.status()} ${await answer.text()}`);
    const targets = (
      (await answer.json()) as { items: { id: string; metric: string; scope: string; year: number }[] }
    ).items;
    return targets.find((t) => t.metric === 'visitors' && t.scope === 'city' && t.year === 2022)!.id;
  };

  /** Polls `read` until `accept` holds (or fails after `timeout` ms), returning the last value. */
  const until = async <T>(read: () => Promise<T>, accept: (v: T) => boolean, timeout: number): Promise<T> => {
    const deadline = Date.now() + timeout;
    for (;;) {
      const value = await read();
      if (accept(value)) return value;
      if (Date.now() > deadline) throw new Error(`still ${JSON.stringify(value)} after ${timeout} ms`);
      await new Promise((r) => setTimeout(r, 1_000));
    }
  };

  /** With `SCREENSHOT_DIR=/some/dir`, saves a screenshot of the page there (for looking at it). */
  const shot = async (page: Page, name: string) => {
    const dir = process.env.SCREENSHOT_DIR;
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    // Once antd's messages and popovers have finished moving in or out.
    await page.waitForTimeout(600);
    await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
  };

  const statistic = (page: Page, title: string) =>
    page.locator('.ant-statistic').filter({ hasText: title }).locator('.ant-statistic-content');

  step(
    'a planner creates a campaign from a calendar date, sees the API’s field error, and schedules it',
    async () => {
      const page = await signIn('planner@planner.local', { path: '/calendar?date=2022-05-01' });
      await page.getByRole('heading', { name: 'Calendar' }).waitFor();
      const day = page.locator('td').filter({ has: page.locator('time[datetime="2022-05-01"]') });
      await day.hover();
      await day.getByRole('link', { name: 'New campaign on 2022-05-01' }).click();
      await page.waitForURL((url) => url.pathname === '/campaigns/new');
      expect(new URL(page.url()).searchParams.get('startDate')).toBe('2022-05-01');
      await page.getByRole('heading', { name: 'New campaign' }).waitFor();
      await page.getByText('Starting from 2022-05-01 in the calendar.').waitFor();
      expect(await page.getByLabel('Start date').inputValue()).toBe('2022-05-01');

      await page.getByLabel('Name').fill(CAMPAIGN);
      await page.getByLabel('Channel').click();
      await page.locator('.ant-select-item-option', { hasText: 'High-speed rail' }).click();
      await page.getByLabel('End date (included)').fill('2022-05-31');
      await page.getByLabel('End date (included)').press('Enter');
      // More than the API allows (10^12 yuan): the API's 400 lands on the budget field.
      await page.getByLabel('Budget (yuan)').fill('5000000000000');
      await page.getByLabel('Responsible unit').fill('市文旅局市场推广科');
      await page.getByRole('button', { name: 'Create and schedule' }).click();
      await page.getByText('Please check the marked fields.').waitFor();
      await page
        .locator('#budgetYuan_help')
        .getByText(/budgetYuan/)
        .waitFor();
      expect(
        (await (await page.request.get(`/api/v1/campaigns?q=${encodeURIComponent(CAMPAIGN)}`)).json()).total,
      ).toBe(0);

      await page.getByLabel('Budget (yuan)').fill('800000');
      await page.getByRole('button', { name: 'Create and schedule' }).click();
      await page.getByRole('heading', { name: CAMPAIGN }).waitFor();
      await page.getByText('Scheduled', { exact: true }).first().waitFor();
      await page.getByRole('button', { name: 'Activate' }).waitFor();
      expect(await page.getByRole('button', { name: 'Schedule' }).count()).toBe(0);

      // Completing asks for the actual spend once it runs.
      await page.getByRole('button', { name: 'Activate' }).click();
      await confirmWith(page, 'Activate');
      await page.getByText('Active', { exact: true }).first().waitFor();
      await page.getByRole('button', { name: 'Complete' }).click();
      const dialog = await openedDialog(page, `Complete “${CAMPAIGN}”`, 'Actual spend (yuan)');
      await dialog.getByRole('button', { name: 'Complete' }).click();
      await dialog.getByText('Please enter Actual spend (yuan)').waitFor();
      await dialog.getByLabel('Actual spend (yuan)').fill('760000');
      await dialog.getByRole('button', { name: 'Complete' }).click();
      await page.getByText('Completed', { exact: true }).first().waitFor();
      expect(await page.getByRole('button', { name: 'Edit campaign' }).count()).toBe(0);

      await page.goto('/campaigns?status=completed');
      await page.getByRole('link', { name: CAMPAIGN }).waitFor();
      await expectAccessible(page);
    },
    120_000,
  );

  step(
    'an actuals upload with one bad row is refused and lists it; a good one moves the projection',
    async () => {
      const page = await signIn('planner@planner.local', { path: '/targets' });
      const id = await cityVisitorsTarget(page);
      await page.goto(`/targets/${id}`);
      const projected = statistic(page, 'Projected year end (median)');
      const read = async () => (await projected.textContent())?.trim();
      await until(read, (v) => !!v && v !== '—', 60_000);
      await page
        .getByText('Inputs changed; the projection is being recomputed…')
        .waitFor({ state: 'hidden' });
      const before = (await projected.textContent())?.trim();

      const upload = page.locator('input[type="file"]');
      await upload.setInputFiles({
        name: 'bad.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          'date,metric,value,source\n2022-04-11,visitors,900000,gate-count\n2022-04-12,visits,900000,gate-count\n',
        ),
      });
      const refused = page
        .getByRole('alert')
        .filter({ hasText: 'The file was refused: nothing was stored.' });
      await refused.waitFor();
      await refused.getByText('Rows with problems (1)').waitFor();
      await refused.getByRole('cell', { name: '3', exact: true }).waitFor();
      await expectAccessible(page);
      const stored = await (
        await page.request.get('/api/v1/actuals?metric=visitors&from=2022-04-11&to=2022-04-11')
      ).json();
      expect(stored.total).toBe(0);

      const rows = Array.from(
        { length: 20 },
        (_, i) => `2022-04-${String(11 + i).padStart(2, '0')},visitors,900000,gate-count`,
      );
      await upload.setInputFiles({
        name: 'good.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(`date,metric,value,source\n${rows.join('\n')}\n`),
      });
      await page.getByText(/Imported 20 rows \(2022-04-11 to 2022-04-30\)/).waitFor();
      const after = await until(read, (v) => v !== before, 90_000);
      expect(after).not.toBe(before);
      // The history shows both: the new projection first, the one before it below.
      const history = page
        .locator('.ant-card')
        .filter({ has: page.getByRole('heading', { name: 'How the projection moved' }) });
      const medians = async () =>
        (await history.locator('tr.ant-table-row td:nth-child(3)').allInnerTexts()).map(
          (m) => m.split(' ')[0],
        );
      const moved = await until(medians, (m) => m.length >= 2 && m[0] === after, 30_000);
      expect(moved).toContain(before);
    },
    150_000,
  );

  step(
    'a planner sets a 2023 target, is told the 2022 baseline is incomplete, enters the total, edits and deletes it',
    async () => {
      const page = await signIn('planner@planner.local', { path: '/targets' });
      await page.getByRole('heading', { name: 'Targets and actuals' }).waitFor();
      await page.getByRole('button', { name: 'New target' }).click();
      const dialog = page.getByRole('dialog', { name: 'New target' });
      await dialog.getByLabel('Target year').fill('2023');
      await dialog.getByLabel('Baseline year').fill('2022');
      await dialog.getByLabel('Growth').fill('12');
      await expectAccessible(page);
      await dialog.getByRole('button', { name: 'New target' }).click();
      // The demo's 2022 actuals stop in April: the total cannot be computed, and the API says so.
      await page.getByText(/2022 has visitors actuals for \d+ of 365 days/).waitFor();
      await dialog.getByLabel('Yearly target').fill('80000000');
      await dialog.getByRole('button', { name: 'New target' }).click();
      await page.getByRole('heading', { name: 'Visitors 2023 · City', level: 1 }).waitFor();
      await statistic(page, 'Yearly target').getByText('80m').waitFor();

      await page.getByRole('button', { name: 'Edit target' }).click();
      const edit = page.getByRole('dialog', { name: 'Edit target' });
      // Year, metric and scope identify the target: shown, not editable.
      expect(await edit.getByLabel('Target year').isDisabled()).toBe(true);
      await edit.getByLabel('Yearly target').fill('85000000');
      await edit.getByRole('button', { name: 'Edit target' }).click();
      await statistic(page, 'Yearly target').getByText('85m').waitFor();

      await page.getByRole('button', { name: 'Delete target' }).click();
      await page.getByRole('button', { name: 'OK' }).click();
      await page.waitForURL((url) => url.pathname === '/targets');
      await page.getByText('The target is deleted.').waitFor();
      await page.getByRole('link', { name: 'Visitors 2022 · City' }).waitFor();
      expect(await page.getByRole('link', { name: 'Visitors 2023 · City' }).count()).toBe(0);
    },
    90_000,
  );

  step('an actuals upload after the session expired goes to sign-in like any other request', async () => {
    const page = await signIn('planner@planner.local', { path: '/targets' });
    const id = await cityVisitorsTarget(page);
    await page.goto(`/targets/${id}`);
    // The page settled (a rebuild from an earlier step can still be landing and re-rendering it).
    const projected = statistic(page, 'Projected year end (median)');
    await until(
      async () => (await projected.textContent())?.trim(),
      (v) => !!v && v !== '—',
      60_000,
    );
    await page.getByText('Inputs changed; the projection is being recomputed…').waitFor({ state: 'hidden' });
    const upload = page.locator('input[type="file"]');
    await upload.waitFor({ state: 'attached' });
    expect(await expireSessions(session.planner, 'planner@planner.local')).toBeGreaterThan(0);
    await upload.setInputFiles({
      name: 'late.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('date,metric,value,source\n2022-05-01,visitors,900000,gate-count\n'),
    });
    await page.waitForURL((url) => url.pathname === '/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe(`/targets/${id}`);
    await page.getByText('Your session has expired; please sign in again.').waitFor();
  });

  step('an admin invites a user who opens the link, sets a password and signs in', async () => {
    const admin = await signIn('admin@planner.local', { path: '/administration' });
    await admin.getByRole('heading', { name: 'Administration' }).waitFor();
    await admin.getByRole('button', { name: 'Invite user' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Invite user' });
    await dialog.getByLabel('Email').fill(INVITEE);
    await dialog.getByLabel('Name').fill('赵敏 (invited planner)');
    await dialog.getByLabel('Role').click();
    await admin.locator('.ant-select-item-option', { hasText: 'Planner' }).click();
    await dialog.getByRole('button', { name: 'Invite user' }).click();
    const link = admin.getByRole('dialog', { name: 'Invitation link' }).getByTestId('invitation-url');
    const url = (await link.textContent())!.trim();
    expect(url).toMatch(/\/invite\/\S+$/);

    const invitee = await open();
    await invitee.goto(new URL(url).pathname);
    await invitee.getByLabel('New password').fill(INVITEE_PASSWORD);
    await invitee.getByLabel('Repeat the password').fill(INVITEE_PASSWORD);
    await invitee.getByRole('button', { name: 'Set password and sign in' }).click();
    await invitee.getByRole('heading', { name: 'Overview' }).waitFor();

    const again = await signIn(INVITEE, { password: INVITEE_PASSWORD, path: '/campaigns' });
    await again.getByRole('heading', { name: 'Campaigns' }).waitFor();
    await again.getByRole('button', { name: 'New campaign' }).waitFor();

    await admin
      .getByRole('dialog', { name: 'Invitation link' })
      .getByRole('button', { name: 'Close' })
      .first()
      .click();
    await admin.reload();
    await admin.getByRole('row').filter({ hasText: INVITEE }).getByText('Set', { exact: true }).waitFor();
  });

  step(
    'an admin renames an organization and sees the new name; deleting one in use is refused in words, once',
    async () => {
      const page = await signIn('admin@planner.local', { path: '/administration?tab=organizations' });
      // Found by either name, so that a retry after the rename finds it too.
      const row = page.getByRole('row').filter({ hasText: new RegExp(`${SPORTS}|${SPORTS_RENAMED}`) });
      await row.getByRole('button', { name: /^Edit organization: / }).click();
      const dialog = await openedDialog(page, 'Edit organization', 'Name');
      expect(await seriousViolations(page)).toEqual([]);
      await dialog.getByLabel('Name').fill(SPORTS_RENAMED);
      await shot(page, 'organizations-edit-en');
      await dialog.getByLabel('Kind').click();
      await page.locator('.ant-select-item-option', { hasText: 'Tourism bureau' }).click();
      await dialog.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Organization saved').waitFor();
      await dialog.waitFor({ state: 'hidden' });
      const renamed = page.getByRole('row').filter({ hasText: SPORTS_RENAMED });
      await renamed.getByRole('cell', { name: 'Tourism bureau' }).waitFor();
      expect(await page.getByRole('cell', { name: SPORTS, exact: true }).count()).toBe(0);

      // Its events name it by the new name (joined by the API, not copied).
      const organizations = (await (await page.request.get('/api/v1/organizations')).json()) as {
        id: string;
        name: string;
      }[];
      const id = organizations.find((o) => o.name === SPORTS_RENAMED)!.id;
      const events = (await (
        await page.request.get(`/api/v1/events?organizationId=${id}&limit=1`)
      ).json()) as {
        items: { id: string }[];
      };
      // Still used by its organizer and events: the deletion is refused, said once, in words.
      await renamed.getByRole('button', { name: `Delete: ${SPORTS_RENAMED}` }).click();
      await page.getByRole('tooltip').getByRole('button', { name: 'OK' }).click();
      const refusal = page.getByText(/is still referred to by .*event\(s\)/);
      await refusal.waitFor();
      expect(await refusal.count()).toBe(1);
      expect(await refusal.textContent()).toContain(`“${SPORTS_RENAMED}” is still referred to by`);
      await renamed.waitFor();

      await shot(page, 'organizations-in-use-en');

      await page.goto(`/events/${events.items[0].id}`);
      await page.getByText(SPORTS_RENAMED).first().waitFor();

      // The same in Chinese: the dialog, and the refusal in Chinese words.
      const zh = await signIn('admin@planner.local', {
        language: 'zh-CN',
        path: '/administration?tab=organizations',
      });
      const zhRow = zh.getByRole('row').filter({ hasText: SPORTS_RENAMED });
      await zhRow.getByRole('button', { name: `编辑机构: ${SPORTS_RENAMED}` }).click();
      const zhDialog = await openedDialog(zh, '编辑机构', '名称');
      await shot(zh, 'organizations-edit-zh');
      await zhDialog.getByRole('button', { name: /取\s*消/ }).click();
      await zhRow.getByRole('button', { name: `删除: ${SPORTS_RENAMED}` }).click();
      await zh
        .getByRole('tooltip')
        .getByRole('button', { name: /确\s*定/ })
        .click();
      await zh.getByText(`无法删除“${SPORTS_RENAMED}”：仍有`).waitFor();
      await shot(zh, 'organizations-in-use-zh');
    },
    90_000,
  );

  step(
    'a rename made on a version someone changed since is refused, keeps the typed name and saves on the latest',
    async () => {
      const page = await signIn('admin@planner.local', { path: '/administration?tab=organizations' });
      // Another admin's writes, through the API with this page's session.
      const write = writesWithSession(page);
      const name = `Browser test agency ${Date.now()}`;
      const { id } = (await write('POST', '/api/v1/organizations', { name, kind: 'travel_agency' })) as {
        id: string;
      };
      await page.reload();
      const row = page.getByRole('row').filter({ hasText: name });
      await row.getByRole('button', { name: `Edit organization: ${name}` }).click();
      const dialog = await openedDialog(page, 'Edit organization', 'Name');
      await dialog.getByLabel('Name').fill(`${name} (renamed)`);
      // Meanwhile someone else changes its kind.
      await write('PATCH', `/api/v1/organizations/${id}`, { kind: 'media' });
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog
        .getByRole('alert')
        .getByText(/Not saved: someone changed this in the meantime/)
        .waitFor();
      // The field the admin did not touch shows the other change; the typed name stays.
      await dialog.getByText('Media', { exact: true }).waitFor();
      expect(await dialog.getByLabel('Name').inputValue()).toBe(`${name} (renamed)`);
      await shot(page, 'organizations-changed-meanwhile-en');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Organization saved').waitFor();
      const saved = page.getByRole('row').filter({ hasText: `${name} (renamed)` });
      await saved.getByRole('cell', { name: 'Media' }).waitFor();
    },
  );

  step(
    'a user edited on a version another admin changed since is refused, keeps the typed name and saves on the latest',
    async () => {
      const page = await signIn('admin@planner.local', { path: '/administration' });
      const write = writesWithSession(page);
      const name = `Browser test viewer ${Date.now()}`;
      const created = (await write('POST', '/api/v1/users', { name, role: 'viewer' })) as {
        user: { id: string };
      };
      await page.reload();
      await page.getByRole('button', { name: `Change user: ${name}` }).click();
      const dialog = await openedDialog(page, `Change user: ${name}`, 'Name');
      await dialog.getByLabel('Name').fill(`${name} (renamed)`);
      // Meanwhile someone else makes the user a planner.
      await write('PATCH', `/api/v1/users/${created.user.id}`, { role: 'planner' });
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog
        .getByRole('alert')
        .getByText(/Not saved: someone changed this in the meantime/)
        .waitFor();
      // The role the admin did not touch shows the other change; the typed name stays.
      await dialog.getByText('Planner', { exact: true }).waitFor();
      expect(await dialog.getByLabel('Name').inputValue()).toBe(`${name} (renamed)`);
      await shot(page, 'users-changed-meanwhile-en');
      await dialog.getByRole('button', { name: 'Save' }).click();
      const saved = page.getByRole('row').filter({ hasText: `${name} (renamed)` });
      await saved.getByRole('cell', { name: 'Planner' }).waitFor();
    },
  );

  step(
    'an admin enters a whole year of holidays from the notice, sees them in force, corrects and clears them',
    async () => {
      // The last year the console offers: one the built-in calendar does not know yet.
      const year = new Date().getFullYear() + 2;
      const page = await signIn('admin@planner.local', { path: '/administration?tab=holidays' });
      await page.getByRole('combobox', { name: 'Year' }).click();
      await page.getByTitle(String(year), { exact: true }).click();
      await page.getByRole('button', { name: `Edit the whole of ${year}` }).click();
      const dialog = page.getByRole('dialog', { name: `Days added by admins in ${year}` });
      const adder = dialog.getByRole('group', { name: 'Add' });
      const addRange = async (from: string, to: string, kind?: string) => {
        await focused(adder.locator('input').first());
        await adder.locator('input').nth(0).fill(from);
        await adder.locator('input').nth(1).fill(to);
        await adder.locator('input').nth(1).press('Enter');
        if (kind) {
          await adder.getByLabel('Kind').click();
          await page.locator('.ant-select-item-option', { hasText: kind }).click();
        }
        await adder.getByRole('button', { name: 'Add' }).click();
      };
      // Seven days off, then one swapped working day, as a notice lists them.
      await addRange(`${year}-02-05`, `${year}-02-11`);
      await addRange(`${year}-02-14`, `${year}-02-14`, 'Swapped working day');
      await dialog.getByText('In the list: 8 in all, 7 off and 1 swapped working.').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'holidays-year-en');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await page.getByText(`Saved the added days of ${year} (8 in all)`).waitFor();
      await dialog.waitFor({ state: 'hidden' });
      // In force: the calendar's period, and the added days listed one by one.
      await page.getByRole('cell', { name: `${year}-02-05 – ${year}-02-11 (7)` }).waitFor();
      await page
        .getByRole('cell', { name: `${year}-02-14`, exact: true })
        .first()
        .waitFor();

      // Reopened, the list is the year's added days; emptied and saved, they are gone.
      await page.getByRole('button', { name: `Edit the whole of ${year}` }).click();
      await dialog.getByText('In the list: 8 in all, 7 off and 1 swapped working.').waitFor();
      await dialog.getByRole('button', { name: `Remove ${year}-02-14` }).click();
      await dialog.getByText('In the list: 7 in all, 7 off and 0 swapped working.').waitFor();
      while ((await dialog.getByRole('button', { name: /^Remove / }).count()) > 0)
        await dialog
          .getByRole('button', { name: /^Remove / })
          .first()
          .click();
      await dialog.getByText(`The list is empty: saving removes every added day of ${year}.`).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Save' }).click();
      await page.getByText(`Saved the added days of ${year} (0 in all)`).waitFor();
      await page.getByText('No added days.').waitFor();

      const zh = await signIn('admin@planner.local', {
        language: 'zh-CN',
        path: '/administration?tab=holidays',
      });
      await zh.getByRole('button', { name: /编辑 \d+ 年全年安排/ }).click();
      await focused(zh.getByRole('dialog').getByRole('group', { name: '加入' }).locator('input').first());
      await shot(zh, 'holidays-year-zh');
    },
    90_000,
  );

  step('a new API token is shown once, works as a bearer token and stops working when revoked', async () => {
    const page = await signIn('viewer@planner.local', { path: '/account' });
    await page.getByRole('heading', { name: 'My account' }).waitFor();
    await page.getByLabel('Purpose').fill('browser test script');
    await page.getByRole('button', { name: 'Create token' }).click();
    const token = (await page.getByTestId('new-token').textContent())!.trim();
    const me = await fetch(`${session.planner.url}/api/v1/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(((await me.json()) as { email: string }).email).toBe('viewer@planner.local');
    await page
      .getByRole('dialog', { name: 'New token' })
      .getByRole('button', { name: 'Close' })
      .first()
      .click();

    const row = page.getByRole('row').filter({ hasText: 'browser test script' });
    await row.getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: 'OK' }).click();
    await row.getByText(/^Revoked/).waitFor();
    const after = await fetch(`${session.planner.url}/api/v1/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(after.status).toBe(401);
    // A viewer sees the report preview but not the staff tabs, and no administration.
    expect(await page.getByRole('link', { name: 'Administration' }).count()).toBe(0);
    await page.goto('/reports');
    await page.getByRole('tab', { name: 'Preview' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Subscriptions' }).count()).toBe(0);
  });

  step(
    'every management page has no serious or critical axe violation, in English at desktop width',
    async () => {
      const page = await signIn('admin@planner.local', { path: '/campaigns' });
      const target = await cityVisitorsTarget(page);
      const campaigns = (await (await page.request.get('/api/v1/campaigns?limit=1')).json()) as {
        items: { id: string }[];
      };
      const campaign = campaigns.items[0].id;
      const pages: [string, string][] = [
        ['/campaigns', 'Campaigns'],
        ['/campaigns/new', 'New campaign'],
        [`/campaigns/${campaign}`, ''],
        [`/campaigns/${campaign}/edit`, ''],
        ['/targets', 'Targets and actuals'],
        [`/targets/${target}`, ''],
        ['/reports', 'Weekly report'],
        ['/reports?tab=subscriptions', 'Weekly report'],
        ['/reports?tab=deliveries', 'Weekly report'],
        ['/administration', 'Administration'],
        ['/administration?tab=organizations', 'Administration'],
        ['/administration?tab=venues', 'Administration'],
        ['/administration?tab=holidays', 'Administration'],
        ['/account', 'My account'],
      ];
      for (const [path, heading] of pages) {
        await page.goto(path);
        if (heading) await page.getByRole('heading', { level: 1, name: heading }).waitFor();
        await expectAccessible(page);
      }
      // Dialogs too: inviting a user and adding a subscription.
      await page.goto('/administration');
      await page.getByRole('button', { name: 'Invite user' }).click();
      await page.getByRole('dialog', { name: 'Invite user' }).waitFor();
      await expectAccessible(page);
    },
    180_000,
  );

  step(
    'in Chinese on a 390 px phone the pages read in Chinese and stay accessible',
    async () => {
      const page = await signIn('admin@planner.local', { language: 'zh-CN', width: 390, path: '/campaigns' });
      const pages: [string, string][] = [
        ['/campaigns', '营销活动'],
        ['/targets', '目标与实绩'],
        ['/reports', '周报'],
        ['/administration?tab=venues', '管理'],
        ['/account', '我的账户'],
      ];
      for (const [path, heading] of pages) {
        await page.goto(path);
        await page.getByRole('heading', { level: 1, name: heading }).waitFor();
        await expectAccessible(page);
        // Nothing wider than the phone but the tables' own scrolling areas.
        const overflow = await page.evaluate<number>(
          'document.documentElement.scrollWidth - window.innerWidth',
        );
        expect(overflow).toBeLessThanOrEqual(0);
      }
      await page.goto('/campaigns');
      await page.getByRole('combobox', { name: '渠道' }).waitFor();
      await page.getByRole('columnheader', { name: '预算（元）' }).waitFor();
    },
    120_000,
  );

  step(
    'a planner imports events from CSV: a bad row refuses the file and is listed, a good file lands',
    async () => {
      const page = await signIn('planner@planner.local', { path: '/events' });
      await page.getByRole('heading', { name: 'All events' }).waitFor();
      expect(await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).toBe(
        '/api/v1/events/export.csv',
      );
      await page.getByRole('button', { name: 'Import CSV' }).click();
      const dialog = page.getByRole('dialog', { name: 'Import events from CSV' });
      await dialog.getByText('Drop a CSV file here, or click to choose one').waitFor();
      await expectAccessible(page);
      const header =
        'organization,title_zh,category,venue,starts_at,ends_at,expected_attendance,contact_name';
      const row = (title: string, attendance: string) =>
        `张家界天门山旅游股份有限公司,${title},festival,天门山国家森林公园,2023-05-01T09:00,2023-05-01T17:00,${attendance},王五`;
      const upload = dialog.locator('input[type="file"]');
      await upload.setInputFiles({
        name: 'events.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          [header, row('导入测试音乐会', '3000'), row('导入测试坏行', 'about 3000')].join('\n'),
        ),
      });
      const refused = dialog
        .getByRole('alert')
        .filter({ hasText: 'The file was refused: nothing was stored.' });
      await refused.waitFor();
      await refused.getByRole('cell', { name: '3', exact: true }).waitFor();
      await refused.getByText(/expected_attendance/).waitFor();
      await upload.setInputFiles({
        name: 'events-fixed.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from([header, row('导入测试音乐会', '3000')].join('\n')),
      });
      await dialog.getByText('Imported: 1 created, 0 updated, 0 unchanged, 0 duplicates.').waitFor();
      await dialog.getByRole('button', { name: 'Close' }).first().click();
      await page.getByRole('link', { name: /导入测试音乐会/ }).waitFor();
    },
  );

  step('an admin sends last week’s report now and sees its deliveries', async () => {
    const page = await signIn('admin@planner.local', { path: '/reports?tab=deliveries' });
    await page.getByRole('button', { name: 'Send this week now' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: 'Send this week now' }).click();
    await page.getByText(/The report of \d{4}-W\d{2} is queued/).waitFor();
    // The outbox delivers it to the demo's readers: their rows appear in the log.
    await until(
      async () => page.locator('.ant-table-tbody tr.ant-table-row').count(),
      (rows) => rows > 0,
      60_000,
    );
    await expectAccessible(page);
  });

  step('an organizer records the actual results of an approved event that has ended', async () => {
    // The demo's forest park festival (September 2022) is approved and over.
    const page = await signIn('forest-park@planner.local', { path: '/events' });
    await page.getByRole('heading', { name: 'My events' }).waitFor();
    const answer = await page.request.get('/api/v1/events?status=approved&limit=200');
    const events = ((await answer.json()) as { items: { id: string; endsAt: string }[] }).items;
    const ended = events.find((e) => Date.parse(e.endsAt) < Date.now());
    expect({ ended, events }).toMatchObject({ ended: expect.anything() });
    await page.goto(`/events/${ended!.id}`);
    await page.getByRole('button', { name: 'Record results' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record the event’s actual results' });
    await dialog.getByLabel('Actual attendance (whole event)').waitFor();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Record results' }).click();
    await dialog.getByText('Enter the actual attendance').waitFor();
    await dialog.getByLabel('Actual attendance (whole event)').fill('12345');
    await dialog.getByRole('button', { name: 'Record results' }).click();
    await page.getByText('Recorded: the event is completed.').waitFor();
    await page.getByText('Completed', { exact: true }).first().waitFor();
    await page
      .locator('.ant-descriptions-item')
      .filter({ hasText: 'Actual attendance' })
      .getByText('12,345')
      .waitFor();
    expect(await page.getByRole('button', { name: 'Record results' }).count()).toBe(0);
  });
});

/**
 * Writes through the API with the page's own session (its cookie and CSRF token), as another
 * admin's change made while the page has a dialog open; answers the parsed body.
 */
function writesWithSession(page: Page) {
  return (method: 'POST' | 'PATCH', path: string, body: object): Promise<unknown> =>
    page.evaluate(
      async ({ method, path, body }) => {
        const session = (await (await fetch('/api/v1/auth/session')).json()) as { csrfToken: string };
        const response = await fetch(path, {
          method,
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrfToken },
          body: JSON.stringify(body),
        });
        return await response.json();
      },
      { method, path, body },
    );
}
