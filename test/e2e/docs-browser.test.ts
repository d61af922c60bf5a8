import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';

// Debian's Chromium, driven by playwright-core: nothing is downloaded. .ci/run installs it.
const root = new URL('../../', import.meta.url).pathname;
const executablePath = '/usr/bin/chromium';
const installed = existsSync(executablePath);
if (!installed) console.warn(`NOTICE: ${executablePath} is missing, so the docs are not checked in a browser (apt-get install chromium).`);

describe('rendering checks in a browser', () => {
  it('when CI runs, then they are not skipped', () => {
    if (process.env.CI) expect(installed, 'CI must install Debian chromium (see .ci/run)').toBe(true);
  });
});

describe.skipIf(!installed)('GET /api/docs in headless Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer();
    browser = await chromium.launch({
      executablePath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each([['1'], ['2']])(
    'when v%s is opened, then its operations render with their request schemas, and no request fails',
    async (version) => {
      const page = await browser.newPage();
      const failed: string[] = [];
      const blockedByPolicy: string[] = [];
      // Redoc's attribution logo would come from a CDN; the page's CSP stops it inside the browser.
      page.on('requestfailed', (request) =>
        request.failure()?.errorText === 'csp'
          ? blockedByPolicy.push(request.url())
          : failed.push(`${request.url()} ${request.failure()?.errorText}`),
      );
      page.on('response', (response) => response.status() >= 400 && failed.push(`${response.url()} ${response.status()}`));
      await page.goto(`${server.origin}/api/docs?version=${version}`);

      const heading = page.getByRole('heading', { name: 'Create a user' }).first();
      await heading.waitFor({ timeout: 15_000 });
      expect(await heading.isVisible()).toBe(true);
      // The createUser section shows its request body schema and the limits generated into it.
      const section = page.locator('[data-section-id="operation/createUser"]');
      await expect.poll(() => section.innerText(), { timeout: 10_000 }).toMatch(/request body schema: application\/json/i);
      const text = await section.innerText();
      expect(text).toMatch(/email\s+required\s+string <email>/);
      expect(text).toContain('5 per minute for this operation');
      expect(await page.title()).toBe(`Users and Posts API v${version}`);
      expect(failed).toEqual([]);
      expect(blockedByPolicy.every((url) => url.startsWith('https://cdn.redoc.ly/'))).toBe(true);
      await page.close();
    },
  );

  it('when the version switch is followed, then the other version renders', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/api/docs?version=1`);
    await page.getByRole('link', { name: 'v2' }).click();
    await page.getByRole('heading', { name: 'Create a user' }).first().waitFor({ timeout: 15_000 });
    expect(page.url()).toBe(`${server.origin}/api/docs?version=2`);
    expect(await page.title()).toBe('Users and Posts API v2');
    await page.close();
  });

  it('when the file npm run docs writes is opened offline, then it renders the same reference', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docs-file-'));
    try {
      const built = spawnSync(process.execPath, ['scripts/build-docs.mjs'], { cwd: root, env: { ...process.env, DOCS_DIR: dir } });
      expect(built.status).toBe(0);
      const page = await browser.newPage();
      const outside: string[] = [];
      page.on('request', (request) => !/^(file|data|blob):/.test(request.url()) && outside.push(request.url()));
      await page.goto(`file://${dir}/v2.html`);
      await page.getByRole('heading', { name: 'Create a user' }).first().waitFor({ timeout: 15_000 });
      expect(await page.locator('[data-section-id="operation/createUser"]').innerText()).toContain('5 per minute for this operation');
      expect(outside.filter((url) => !url.startsWith('https://cdn.redoc.ly/'))).toEqual([]);
      await page.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
