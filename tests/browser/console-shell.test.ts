/// <reference lib="dom" />
// page.evaluate callbacks run in the browser.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { ADMIN_KEY, TouchpointHarness } from '../support/touchpoint-harness';
import { expectAccessible, launchBrowser, screenshot, signIn } from './support/browser';

const journey = (name: string, event: string, stage = 'decision') => ({
  name,
  stage,
  trigger: { event },
  steps: [
    { id: 'wait', type: 'wait', duration: 'P3D' },
    { id: 'sms', type: 'send', channel: 'sms', template: { body: 'Hi' } },
  ],
});

describe('the console shell: sign-in, roles, languages and the journeys list', () => {
  let tp: TouchpointHarness;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const keys: Record<string, string> = {};

  beforeAll(async () => {
    tp = await TouchpointHarness.start({ withWorker: false, env: { CONSOLE_DIR: inject('consoleDir') } });
    for (const role of ['analyst', 'ingest'] as const) keys[role] = await tp.keyFor(role);
    expect(
      (await tp.request('POST', '/v1/journeys', journey('Cart reminder', 'cart_abandoned'))).status,
    ).toBe(201);
    expect(
      (await tp.request('POST', '/v1/journeys', journey('Welcome series', 'signed_up', 'awareness'))).status,
    ).toBe(201);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await tp?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.setDefaultNavigationTimeout(30_000);
  });
  afterEach(() => context?.close());

  it('should sign in with the admin key and list the journeys with search and filters, the key kept out of the page', async () => {
    await page.goto(`${tp.url}/journeys`);
    await page.getByRole('heading', { name: 'Sign in to Touchpoint' }).waitFor();
    await expectAccessible(page, 'the sign-in page');

    await signIn(page, tp.url, ADMIN_KEY);
    await page.getByRole('heading', { name: 'Journeys' }).waitFor();
    expect(await page.getByRole('navigation').getByRole('link').allTextContents()).toEqual([
      'Journeys',
      'Overview',
      'Log',
      'Customers',
      'Stages',
      'NPS',
      'Sandbox inbox',
      'Settings',
    ]);
    await page.getByRole('link', { name: 'Cart reminder' }).waitFor();
    expect(await page.getByRole('row').count()).toBe(3);
    await expectAccessible(page, 'the journeys list');

    await page.getByRole('searchbox', { name: 'Search journeys' }).fill('welcome');
    await page.getByRole('link', { name: 'Cart reminder' }).waitFor({ state: 'detached' });
    expect(await page.getByRole('link', { name: 'Welcome series' }).isVisible()).toBe(true);
    await page.getByRole('searchbox', { name: 'Search journeys' }).fill('');
    await page.getByLabel('Stage').selectOption('decision');
    await page.getByRole('link', { name: 'Welcome series' }).waitFor({ state: 'detached' });
    expect(await page.getByRole('link', { name: 'Cart reminder' }).isVisible()).toBe(true);

    // The key lives in the HttpOnly cookie's session, never in the page's storage.
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    expect(stored).not.toContain(ADMIN_KEY);
    expect(await page.evaluate(() => document.cookie)).toBe('');
  });

  it('should refuse an ingest key and an unknown key with a reason', async () => {
    await page.goto(`${tp.url}/`);
    await page.getByLabel('API key').fill(keys.ingest);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'An ingest key cannot sign in' }).waitFor();
    await page.getByLabel('API key').fill('tp_not_a_key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'unknown or revoked' }).waitFor();
  });

  it('should offer an analyst no edit controls', async () => {
    await signIn(page, tp.url, keys.analyst);
    await page.getByRole('heading', { name: 'Journeys' }).waitFor();
    expect(await page.getByRole('navigation').getByRole('link').allTextContents()).toEqual([
      'Journeys',
      'Overview',
      'Log',
      'Customers',
      'Stages',
      'NPS',
      'Settings',
    ]);
    await page.getByRole('link', { name: 'Cart reminder' }).waitFor();
    expect(await page.getByText('Signed in as analyst key (Analyst)').isVisible()).toBe(true);
    for (const name of ['New journey', 'Import JSON', 'Duplicate']) {
      expect(await page.getByRole('button', { name }).count(), name).toBe(0);
      expect(await page.getByRole('link', { name }).count(), name).toBe(0);
    }
    expect(await page.getByRole('button', { name: 'Export JSON' }).count()).toBe(2);
  });

  it('should mirror the whole layout in Persian, with Persian digits, and keep the choice over a reload', async () => {
    await signIn(page, tp.url, ADMIN_KEY);
    await page.getByLabel('Language').first().selectOption('fa');
    await page.getByRole('heading', { name: 'سفرها' }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual([
      'rtl',
      'fa',
    ]);
    // The navigation starts at the right edge: the brand sits right of the sign-out button.
    const brand = await page.getByText('تاچ‌پوینت').boundingBox();
    const signOut = await page.getByRole('button', { name: 'خروج', exact: true }).boundingBox();
    expect(brand && signOut && brand.x > signOut.x).toBe(true);
    await page.getByRole('link', { name: 'Cart reminder' }).waitFor();
    expect(await page.getByRole('row').nth(1).textContent()).toMatch(/[۰-۹]/);
    await expectAccessible(page, 'the journeys list in Persian');
    await screenshot(page, 'journeys-list-fa');

    await page.reload();
    await page.getByRole('heading', { name: 'سفرها' }).waitFor();
    await page.getByLabel('زبان').first().selectOption('he');
    await page.getByRole('heading', { name: 'מסעות' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
  });

  it('should end the session on the server when signing out', async () => {
    await signIn(page, tp.url, ADMIN_KEY);
    const cookies = await context.cookies();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Touchpoint' }).waitFor();
    const session = cookies.find((cookie) => cookie.name === 'tp_session');
    expect(session?.httpOnly).toBe(true);
    const res = await tp.request('GET', '/v1/session', undefined, {
      key: null,
      headers: { cookie: `tp_session=${session?.value}` },
    });
    expect(res.status).toBe(401);
  });
});
