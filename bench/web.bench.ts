/**
 * The web console's weight and speed, in headless Chromium on the demo.
 *   npm run bench:web [-- --runs 5]
 * Starts the built planner (`dist/src/start.js`, as `npm start` does) in a temporary folder with a
 * private redis-server, then measures in Debian's Chromium:
 * 1. the JavaScript the sign-in route loads, and what the overview route adds after signing in
 *    (gzipped size of each script as served from dist/web, level 9), with ECharts' lazily loaded
 *    chunk counted apart;
 * 2. the time from navigating to / (signed in, cold HTTP cache) to the overview being
 *    interactive: every target card showing its projected year end and its chart drawn;
 *    median and worst of `runs`.
 * The last line is JSON.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { freePort, startPrivateRedis } from '../src/infra/redis/embedded-redis.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const RUNS = Math.max(1, Number(values.runs));
const ROOT = process.cwd();
const WEB = join(ROOT, 'dist', 'web');
const GOAL_KB = 450;

function gzippedSize(pathname: string): number {
  const file = join(WEB, pathname);
  if (existsSync(`${file}.gz`)) return readFileSync(`${file}.gz`).length;
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

async function startPlanner(dir: string, redisUrl: string) {
  const port = await freePort();
  const child = spawn(process.execPath, [resolve(ROOT, 'dist/src/start.js')], {
    cwd: dir,
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      REDIS_URL: redisUrl,
      LOG_LEVEL: 'warn',
      REBUILD_DELAY_MS: '200',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const started = Date.now();
  for (;;) {
    const match = out.match(/Demo sign-in \(development only\), password: (\S+)/);
    if (match) return { url: `http://127.0.0.1:${port}`, password: match[1], child };
    if (child.exitCode !== null || Date.now() - started > 120_000)
      throw new Error(`The planner did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function scriptsOf(page: Page): string[] {
  const seen: string[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (response.request().resourceType() === 'script' && url.pathname.startsWith('/assets/'))
      seen.push(url.pathname);
  });
  return seen;
}

/** Every target card shows its projected year end and a drawn chart, and nothing is loading. */
async function overviewInteractive(page: Page): Promise<void> {
  await page.waitForFunction(
    `(() => {
      const cards = [...document.querySelectorAll('main [role="region"]')];
      return cards.length > 0 && cards.every((c) => c.querySelector('canvas') && !c.querySelector('.ant-skeleton'))
        && !document.querySelector('main [role="status"] .ant-spin');
    })()`,
    undefined,
    { timeout: 60_000, polling: 'raf' },
  );
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'planner-bench-web-'));
  const redis = await startPrivateRedis(join(dir, 'redis'), { persist: false });
  const planner = await startPlanner(dir, redis.url);
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
    const context = await browser.newContext({
      baseURL: planner.url,
      viewport: { width: 1280, height: 900 },
      // The waits below evaluate strings, which the console's CSP (rightly) forbids.
      bypassCSP: true,
    });
    const page = await context.newPage();
    const scripts = scriptsOf(page);
    await page.goto('/sign-in', { waitUntil: 'networkidle' });
    const signIn = [...new Set(scripts)];
    await page.getByLabel(/电子邮箱|Email/).fill('planner@planner.local');
    await page.getByLabel(/^(密码|Password)$/).fill(planner.password);
    await page.getByRole('button', { name: /登\s*录|Sign in/ }).click();
    await overviewInteractive(page);
    await page.waitForLoadState('networkidle');
    const overview = [...new Set(scripts)].filter((s) => !signIn.includes(s));
    // Wait for the first projections of the fresh demo to be built, so runs see the steady page.
    await page.waitForFunction(`!document.body.innerText.match(/正在重新计算|being recomputed/)`, undefined, {
      timeout: 120_000,
      polling: 500,
    });
    const state = await context.storageState();

    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const cold = await browser.newContext({
        baseURL: planner.url,
        viewport: { width: 1280, height: 900 },
        storageState: state,
        bypassCSP: true,
      });
      const p = await cold.newPage();
      await p.goto('/', { waitUntil: 'commit' });
      await overviewInteractive(p);
      times.push(Number(await p.evaluate('performance.now()')));
      await cold.close();
    }
    times.sort((a, b) => a - b);

    const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
    const sum = (list: string[]) => list.reduce((n, s) => n + gzippedSize(s), 0);
    const isChart = (s: string) => /\/echart-/.test(s);
    const signInKb = kb(sum(signIn));
    const overviewKb = kb(sum(overview.filter((s) => !isChart(s))));
    const chartKb = kb(sum(overview.filter(isChart)));
    const totalKb = Math.round((signInKb + overviewKb + chartKb) * 10) / 10;
    const median = Math.round(times[Math.floor(times.length / 2)]);
    const worst = Math.round(times[times.length - 1]);

    const rows = [
      ['sign-in route JS (gzip)', `${signInKb} KB in ${signIn.length} files`],
      [
        'overview route adds (gzip)',
        `${overviewKb} KB in ${overview.filter((s) => !isChart(s)).length} files`,
      ],
      ['ECharts chunk, loaded lazily by the overview (gzip)', `${chartKb} KB`],
      [
        'sign-in + overview without / with charts',
        `${Math.round((signInKb + overviewKb) * 10) / 10} KB / ${totalKb} KB (goal < ${GOAL_KB} KB)`,
      ],
      [`overview interactive, cold cache (${RUNS} runs)`, `median ${median} ms, worst ${worst} ms`],
    ];
    for (const [label, value] of rows) process.stdout.write(`${label.padEnd(52)} ${value}\n`);
    process.stdout.write(
      `${JSON.stringify({
        bench: 'web',
        signInKb,
        overviewKb,
        chartKb,
        totalKb,
        withoutChartsKb: Math.round((signInKb + overviewKb) * 10) / 10,
        goalKb: GOAL_KB,
        overviewInteractiveMs: { median, worst, runs: RUNS },
      })}\n`,
    );
  } finally {
    await browser?.close();
    planner.child.kill('SIGTERM');
    await new Promise((r) => planner.child.once('exit', r));
    await redis.stop?.();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
