/// <reference lib="dom" />
// page.evaluate callbacks run in the browser.
import { parse } from 'csv-parse/sync';
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { TouchpointHarness } from '../support/touchpoint-harness';
import { tellTouchpoint, type TouchpointStory } from '../support/touchpoint-story';
import { expectAccessible, launchBrowser, openPage, screenshot, signIn } from './support/browser';

const PHONE = '+989121234567';
const PERSIAN_SMS = 'سارا، سبد خرید شما منتظر است';
/** More failed SMS than one page of the log (100), so the table has to page on. */
const FAILED_CART_SMS = 130;

interface Page_ {
  items: { id: string; to: string | null }[];
  nextCursor: string | null;
}

describe('an analyst reads the touchpoint log, exports it and follows one customer', () => {
  let tp: TouchpointHarness;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let analyst: string;
  let cartId: string;
  let newestFailureId: string;

  const journey = async (name: string, stage: string, channel: 'sms' | 'email') =>
    (
      await tp.request<{ id: string }>('POST', '/v1/journeys', {
        name,
        stage,
        trigger: { event: `${stage}_event` },
        steps: [
          channel === 'sms'
            ? { id: `${channel}-1`, type: 'send', channel, template: { body: 'x' } }
            : { id: `${channel}-1`, type: 'send', channel, template: { subject: 'x', html: '<p>x</p>' } },
        ],
      })
    ).body.id;

  beforeAll(async () => {
    tp = await TouchpointHarness.start({ withWorker: false, env: { CONSOLE_DIR: inject('consoleDir') } });
    browser = await launchBrowser();
    analyst = await tp.keyFor('analyst');
    cartId = await journey('Cart SMS', 'decision', 'sms');
    const welcomeId = await journey('Welcome', 'awareness', 'email');
    expect(
      (
        await tp.request('PUT', '/v1/customers/c-42', {
          phone: PHONE,
          email: 'sara@example.com',
          consent: { sms: true, email: true },
        })
      ).status,
    ).toBe(200);

    const start = Date.now() - 3 * 3_600_000;
    const at = (minutes: number) => new Date(start + minutes * 60_000);
    const cartSms = (customerId: string, minutes: number): TouchpointStory => ({
      journeyId: cartId,
      stepId: 'sms-1',
      stage: 'decision',
      customerId,
      channel: 'sms',
      to: PHONE,
      rendered: { channel: 'sms', body: PERSIAN_SMS },
      provider: 'twilio',
      trail: ['sending', 'failed'],
      error: { code: '30007', message: `Message filtered by the carrier (to ${PHONE})` },
      at: at(minutes),
    });
    await tellTouchpoint(tp, {
      journeyId: welcomeId,
      stepId: 'email-1',
      stage: 'awareness',
      customerId: 'c-42',
      channel: 'email',
      to: 'sara@example.com',
      rendered: { channel: 'email', subject: 'خوش آمدید', html: '<p dir="rtl">سلام سارا</p>' },
      provider: 'sendgrid',
      trail: ['sending', 'sent', 'delivered', 'opened'],
      at: at(0),
    });
    for (let i = 0; i < FAILED_CART_SMS - 1; i++) await tellTouchpoint(tp, cartSms(`c-${100 + i}`, 10 + i));
    // Not failed, or not this journey: the filters must leave these out.
    await tellTouchpoint(tp, {
      ...cartSms('c-7', 150),
      trail: ['sending', 'sent', 'delivered'],
      error: undefined,
    });
    await tellTouchpoint(tp, { ...cartSms('c-8', 151), journeyId: welcomeId, stepId: 'email-1' });
    // The newest failure: c-42 replied STOP.
    newestFailureId = await tellTouchpoint(tp, {
      ...cartSms('c-42', 160),
      error: { code: '21610', message: 'Attempt to send to unsubscribed recipient' },
    });
  });
  afterAll(() => Promise.all([browser?.close(), tp?.close()]));
  beforeEach(async () => {
    ({ context, page } = await openPage(browser));
  });
  afterEach(() => context?.close());

  const expectNoRawContact = async (where: string) => {
    const text = await page.evaluate(() => document.body.innerText);
    expect(text, where).not.toContain(PHONE);
    expect(text, where).not.toContain('sara@example.com');
  };
  const toPersian = async () => {
    await page.getByLabel('Language').first().selectOption('fa');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
  };
  /** Every row the API lists under these filters, following its cursor. */
  const countFromApi = async (query: Record<string, string>) => {
    let count = 0;
    let cursor: string | null = null;
    do {
      const params = new URLSearchParams({ ...query, limit: '500', ...(cursor ? { cursor } : {}) });
      const res: { body: Page_ } = await tp.request<Page_>('GET', `/v1/touchpoints?${params}`, undefined, {
        key: analyst,
      });
      count += res.body.items.length;
      cursor = res.body.nextCursor;
    } while (cursor);
    return count;
  };

  it('should filter the log to failed SMS of one journey, page through it and explain a row', async () => {
    await signIn(page, tp.url, analyst);
    await page.getByRole('link', { name: 'Log' }).click();
    const filters = page.getByRole('search', { name: 'Filters' });
    await filters.getByLabel('Journey').selectOption({ label: 'Cart SMS' });
    await filters.getByLabel('Channel').selectOption('sms');
    await filters.getByLabel('Status').selectOption('failed');
    await page.waitForURL(/status=failed/);
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({
      journeyId: cartId,
      channel: 'sms',
      status: 'failed',
    });

    // Scroll to the end: the second page arrives, with no row twice and none missing.
    const status = page.getByText(/rows loaded/);
    await status.getByText('100 rows loaded, more below').waitFor();
    const table = page.locator('.log-table');
    await expect
      .poll(async () => {
        await table.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
        return status.textContent();
      })
      .toBe(`${FAILED_CART_SMS} rows loaded`);
    expect(await countFromApi({ journeyId: cartId, channel: 'sms', status: 'failed' })).toBe(FAILED_CART_SMS);
    // Only the rows in view are in the page: the rest are spacer height.
    expect(await page.locator('tr.log-table__row').count()).toBeLessThan(FAILED_CART_SMS / 2);
    await expectNoRawContact('the log');

    // A column hidden stays hidden on the next visit.
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('checkbox', { name: 'Message' }).uncheck();
    await page.keyboard.press('Escape');
    await page.reload();
    await page.getByRole('columnheader', { name: 'Customer' }).waitFor();
    expect(await page.getByRole('columnheader').allTextContents()).not.toContain('Message');

    // A copied link shows the same rows, and opens the newest failure from the keyboard.
    await page.goto(url.toString());
    await table.evaluate((el) => el.scrollTo({ top: 0 }));
    const first = page.getByRole('button', { name: /^Open touchpoint/ }).first();
    await first.focus();
    await page.keyboard.press('Enter');
    const drawer = page.getByRole('dialog', { name: 'Touchpoint' });
    await drawer.getByText('The recipient replied STOP: they unsubscribed from these messages.').waitFor();
    expect(new URL(page.url()).searchParams.get('open')).toBe(newestFailureId);
    expect(await drawer.getByText('Code 21610').isVisible()).toBe(true);
    expect(await drawer.locator('.bubble').textContent()).toBe(PERSIAN_SMS);
    const trail = await drawer.locator('.event-timeline li .badge').allTextContents();
    expect(trail).toEqual(['Scheduled', 'Sending', 'Failed']);
    expect(await drawer.getByText('+98912•••4567').isVisible()).toBe(true);
    await expectNoRawContact('the drawer');
    await expectAccessible(page, 'the log with the drawer open');
    await screenshot(page, 'log-drawer-en');

    await toPersian();
    await page
      .getByRole('dialog', { name: 'تماس' })
      .getByText('گیرنده STOP فرستاده است', { exact: false })
      .waitFor();
    await expectAccessible(page, 'the log with the drawer open, in Persian');
    await screenshot(page, 'log-drawer-fa');
  });

  it('should export the filtered log as CSV for spreadsheets, every row with its Persian text intact', async () => {
    await signIn(page, tp.url, analyst);
    const query = { journeyId: cartId, channel: 'sms', status: 'failed' };
    await page.goto(`${tp.url}/log?${new URLSearchParams(query)}`);
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByLabel(/For spreadsheets/).check();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^touchpoints-\d{8}T\d{6}Z\.csv$/);
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parse(bytes, { columns: true, bom: true }) as Record<string, string>[];
    expect(records.length).toBe(await countFromApi(query));
    expect(new Set(records.map((r) => r.text))).toEqual(new Set([PERSIAN_SMS]));
    expect(new Set(records.map((r) => r.to))).toEqual(new Set(['+98912•••4567']));
    expect(bytes.toString('utf8')).not.toContain(PHONE);
  });

  it("should show a customer's touchpoints by stage, with contacts masked, in English and Persian", async () => {
    await signIn(page, tp.url, analyst);
    await page.getByRole('link', { name: 'Customers' }).click();
    // Not by the start of their phone (a prefix would unmask it digit by digit), but by the whole number.
    await page.getByLabel('Customer id, email or phone').fill('+9891212');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByText('No customer matches.').waitFor();
    await page.getByLabel('Customer id, email or phone').fill(PHONE);
    await page.getByRole('button', { name: 'Find' }).click();
    const result = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'c-42' }) });
    expect(await result.textContent()).toContain('+98912•••4567');
    await expectNoRawContact('the customer search');
    await page.getByRole('link', { name: 'c-42' }).click();
    await page.getByRole('heading', { name: 'Awareness' }).waitFor();
    const stages = await page.locator('.stage-timeline__stage > h2').allTextContents();
    expect(stages).toEqual(['Awareness', 'Decision']);
    const awareness = page.locator('.stage-timeline__stage').first();
    expect(await awareness.locator('.journey-item__text').textContent()).toBe('خوش آمدید');
    expect(await awareness.locator('.badge').first().textContent()).toBe('Opened');
    const decision = page.locator('.stage-timeline__stage').nth(1);
    expect(await decision.getByText('The recipient replied STOP', { exact: false }).isVisible()).toBe(true);
    expect(await page.getByText('+98912•••4567').first().isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Erase this customer' }).count()).toBe(0);
    await expectNoRawContact('the customer page');
    await expectAccessible(page, 'the customer page');
    await screenshot(page, 'customer-en');

    await toPersian();
    await page.getByRole('heading', { name: 'آگاهی' }).waitFor();
    await expectAccessible(page, 'the customer page in Persian');
    await screenshot(page, 'customer-fa');
  });

  it('should let a marketer erase a customer after a confirmation that says what goes and what stays', async () => {
    expect((await tp.request('PUT', '/v1/customers/c-gone', { phone: '+989351112233' })).status).toBe(200);
    await signIn(page, tp.url, await tp.keyFor('marketer'));
    await page.goto(`${tp.url}/customers/c-gone`);
    await page.getByText('+989351112233').waitFor();
    await page.getByRole('button', { name: 'Erase this customer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Erase customer c-gone?' });
    expect(await dialog.textContent()).toMatch(/Goes: their email, phone.*Stays: the touchpoints, events/s);
    await expectAccessible(page, 'the erasure confirmation');
    await dialog.getByRole('button', { name: 'Erase' }).click();
    await page.getByRole('status').getByText('Customer c-gone was erased.').waitFor();
    expect((await tp.request('GET', '/v1/customers/c-gone')).status).toBe(404);
  });
});
