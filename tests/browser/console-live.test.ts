/// <reference lib="dom" />
// page.evaluate callbacks run in the browser.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { ADMIN_KEY, TouchpointHarness } from '../support/touchpoint-harness';
import { waitFor } from '../support/wait-for';
import { expectAccessible, launchBrowser, openPage, screenshot, signIn } from './support/browser';

const PERSIAN_SMS = 'سارا، سبد خرید شما منتظر است';

/** The cart journey as the API takes it: an SMS with a Persian locale, then a day's wait before a reminder. */
const cartJourney = {
  name: 'Cart live',
  stage: 'decision',
  trigger: { event: 'cart_abandoned' },
  steps: [
    { id: 'wait', type: 'wait', duration: 'PT1S' },
    {
      id: 'sms',
      type: 'send',
      channel: 'sms',
      template: {
        body: '{{ customer.attributes.firstName }}, your cart is waiting',
        locales: { fa: { body: '{{ customer.attributes.firstName }}، سبد خرید شما منتظر است' } },
      },
    },
    { id: 'later', type: 'wait', duration: 'P1D' },
    { id: 'reminder', type: 'send', channel: 'sms', template: { body: 'Still there?' } },
  ],
};

interface JourneyBody {
  id: string;
  name: string;
  version: number;
  status: string;
  exitOn?: string[];
}

describe('a live journey in the console: its numbers, the sandbox, the lifecycle, drafts and roles', () => {
  let tp: TouchpointHarness;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let journeyId: string;

  beforeAll(async () => {
    tp = await TouchpointHarness.start({ env: { CONSOLE_DIR: inject('consoleDir') } });
    browser = await launchBrowser();
    const created = await tp.request<JourneyBody>('POST', '/v1/journeys', cartJourney);
    expect(created.status).toBe(201);
    journeyId = created.body.id;
    const sara = await tp.request('PUT', '/v1/customers/c-sara', {
      phone: '+989121234567',
      locale: 'fa-IR',
      timezone: 'UTC',
      attributes: { firstName: 'سارا' },
      consent: { sms: true },
    });
    expect(sara.status).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    await tp?.close();
  });
  beforeEach(async () => {
    ({ context, page } = await openPage(browser));
    // A node's numbers refresh every 10 s: waiting for one may take most of that.
    page.setDefaultTimeout(20_000);
  });
  afterEach(() => context?.close());

  const node = (id: string) => page.getByTestId(`node-${id}`);
  const panel = () => page.getByRole('complementary');
  const openJourney = async () => {
    await page.goto(`${tp.url}/journeys/${journeyId}`);
    await node('entry').waitFor();
  };

  it('should count a cart_abandoned event on the send node and show the Persian SMS in the sandbox inbox', async () => {
    await signIn(page, tp.url, ADMIN_KEY);
    await openJourney();

    // Send me a test, from the send node's template: kept in the sandbox, marked as a test.
    await node('sms').click();
    await panel().getByRole('button', { name: 'Send me a test' }).click();
    const dialog = page.getByRole('dialog', { name: 'Send me a test' });
    await dialog.getByLabel('Phone number').fill('not a phone');
    await dialog.getByRole('button', { name: 'Send', exact: true }).click();
    await dialog.getByRole('alert').getByText('E.164').waitFor();
    await dialog.getByLabel('Phone number').fill('+989350000001');
    await dialog.getByRole('button', { name: 'Send', exact: true }).click();
    await dialog.getByText('Kept in the sandbox inbox').waitFor();
    await expectAccessible(page, 'the test-send dialog');
    await screenshot(page, 'test-send-dialog');
    await dialog.getByRole('button', { name: 'Close' }).click();

    const posted = await tp.request('POST', '/v1/events', { customerId: 'c-sara', name: 'cart_abandoned' });
    expect(posted.status).toBe(202);
    // The node's numbers refresh by themselves while the page is open.
    await node('sms').locator('[data-stat="sent"] dd').getByText('1', { exact: true }).waitFor();

    await page.getByRole('navigation').getByRole('link', { name: 'Sandbox inbox' }).click();
    const item = page.locator('.inbox__item').filter({ hasText: '+989121234567' });
    await item.getByText(PERSIAN_SMS).waitFor();
    expect(await page.locator('.inbox__item').filter({ hasText: '+989350000001' }).textContent()).toContain(
      'Test',
    );
    await expectAccessible(page, 'the sandbox inbox');
  });

  it('should pause and resume, each confirmed with the numbers the server gives', async () => {
    await tp.request('POST', '/v1/events', { customerId: 'c-pause', name: 'cart_abandoned' });
    await waitFor('c-pause inside the journey', async () =>
      tp.db
        .selectFrom('enrollments')
        .select('id')
        .where('customer_id', '=', 'c-pause')
        .where('status', '=', 'active')
        .executeTakeFirst(),
    );
    await signIn(page, tp.url, ADMIN_KEY);
    await openJourney();
    for (const [action, status, effect] of [
      ['Pause', 'paused', 'No one new enters. {w} customers are inside; {m} unsent messages will be held'],
      ['Resume', 'active', '{w} customers are inside; {m} held or pending messages go out as they come due.'],
    ] as const) {
      await page.getByRole('toolbar').getByRole('button', { name: action, exact: true }).click();
      const dialog = page.getByRole('alertdialog').or(page.getByRole('dialog'));
      await dialog.getByRole('button', { name: action, exact: true }).and(page.locator(':enabled')).waitFor();
      const numbers = await tp.request<{ waiting: number; pendingMessages: number }>(
        'GET',
        `/v1/journeys/${journeyId}/lifecycle-preview`,
      );
      expect(numbers.body.waiting).toBeGreaterThan(0);
      const expected = effect
        .replace('{w}', String(numbers.body.waiting))
        .replace('{m}', String(numbers.body.pendingMessages));
      expect(await dialog.textContent()).toContain(expected);
      await dialog.getByRole('button', { name: action, exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
      await expect
        .poll(async () => (await tp.request<JourneyBody>('GET', `/v1/journeys/${journeyId}`)).body.status)
        .toBe(status);
    }
  });

  it('should keep an edit of the live journey as a draft over a reload, undo one change, and publish version 2', async () => {
    await signIn(page, tp.url, ADMIN_KEY);
    await openJourney();
    await node('entry').click();
    await panel().getByLabel('Name', { exact: true }).fill('Cart live v2');
    await panel().getByLabel('Trigger event', { exact: true }).press('Tab');
    await panel().getByLabel('Exit on events', { exact: true }).fill('order_completed');
    await panel().getByLabel('Exit on events', { exact: true }).press('Tab');
    await page.getByRole('status').getByText('Draft saved').waitFor();
    await expect
      .poll(
        async () =>
          (await tp.request<{ definition: JourneyBody }>('GET', `/v1/journeys/${journeyId}/draft`)).body
            .definition?.exitOn,
      )
      .toEqual(['order_completed']);

    await page.reload();
    await node('entry').click();
    expect(await panel().getByLabel('Name', { exact: true }).inputValue()).toBe('Cart live v2');
    await page.getByRole('toolbar').getByRole('button', { name: 'Undo', exact: true }).click();
    expect(await panel().getByLabel('Exit on events', { exact: true }).inputValue()).toBe('');
    expect(await panel().getByLabel('Name', { exact: true }).inputValue()).toBe('Cart live v2');

    await page.getByRole('toolbar').getByRole('button', { name: 'Publish', exact: true }).click();
    await expect
      .poll(async () => (await tp.request<JourneyBody>('GET', `/v1/journeys/${journeyId}`)).body.version)
      .toBe(2);
    const published = await tp.request<JourneyBody>('GET', `/v1/journeys/${journeyId}`);
    expect(published.body.name).toBe('Cart live v2');
    expect(published.body.exitOn ?? []).toEqual([]);

    await page.goto(`${tp.url}/journeys/${journeyId}/versions/1`);
    await node('entry').waitFor();
    await expectAccessible(page, 'a version page');
    await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
    const sms = page.getByRole('row').filter({ hasText: 'SMS' });
    await sms.getByRole('button', { name: 'Check credentials' }).click();
    await sms.getByText('Sandbox: no credentials to check').waitFor();
    expect(await sms.getByText('/webhooks/twilio/status').count()).toBe(1);
    // The harness sets no PUBLIC_BASE_URL: the page says providers cannot reach these URLs.
    await page.getByRole('note').getByText('set PUBLIC_BASE_URL').waitFor();
    await expectAccessible(page, 'the settings page');
    await sms.scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-channels');
  });

  it('should show an analyst no edit control and only masked phones', async () => {
    await signIn(page, tp.url, await tp.keyFor('analyst'));
    await openJourney();
    await node('sms').click();
    for (const name of ['Publish', 'Pause', 'Simulate', 'Undo', 'Send me a test', 'Delete this step']) {
      expect(await page.getByRole('button', { name, exact: true }).count(), name).toBe(0);
    }
    expect(await page.getByRole('navigation', { name: 'Add a step' }).count()).toBe(0);
    expect(await panel().getByLabel('Text', { exact: true }).getAttribute('readonly')).not.toBeNull();
    expect(await panel().getByLabel('Channel', { exact: true }).isDisabled()).toBe(true);
    // The customer search the console offers, answered to the analyst's session.
    const phones = await page.evaluate(async () => {
      const res = await fetch('/v1/customers?search=c-sara');
      const body = (await res.json()) as { items: { phone: string | null }[] };
      return body.items.map((c) => c.phone);
    });
    expect(phones).toEqual(['+98912•••4567']);
    expect(await page.content()).not.toContain('+989121234567');
  });

  it('should complete the Liquid paths that the journey’s recent events carried, from the keyboard', async () => {
    await tp.request('POST', '/v1/events', {
      customerId: 'c-liquid',
      name: 'cart_abandoned',
      properties: { cartUrl: 'https://shop.example/cart/7' },
    });
    await waitFor('c-liquid enrolled', async () =>
      tp.db.selectFrom('enrollments').select('id').where('customer_id', '=', 'c-liquid').executeTakeFirst(),
    );
    await signIn(page, tp.url, ADMIN_KEY);
    await openJourney();
    await node('sms').click();
    const text = panel().getByLabel('Text', { exact: true });
    await text.press('Control+End');
    await text.pressSequentially(' {{ event.properties.ca');
    const option = panel().getByRole('option', { name: 'event.properties.cartUrl' });
    await option.waitFor();
    expect(await text.getAttribute('aria-expanded')).toBe('true');
    await expectAccessible(page, 'the Liquid completion list');
    await screenshot(page, 'liquid-completion');
    await text.press('Enter');
    await expect
      .poll(() => text.inputValue())
      .toBe('{{ customer.attributes.firstName }}, your cart is waiting {{ event.properties.cartUrl }}');
    expect(await text.getAttribute('aria-expanded')).toBe('false');
    // Leave the journey as it was: the edit is undone and the draft it made is dropped.
    await page.getByRole('toolbar').getByRole('button', { name: 'Undo', exact: true }).click();
    await page.getByRole('toolbar').getByRole('button', { name: 'Discard draft', exact: true }).click();
    await expect
      .poll(async () => (await tp.request('GET', `/v1/journeys/${journeyId}/draft`)).status)
      .toBe(404);
  });

  it('should offer the test send in Persian, mirrored, with the sandbox named', async () => {
    await signIn(page, tp.url, ADMIN_KEY);
    await page.getByLabel('Language').first().selectOption('fa');
    await openJourney();
    await node('sms').click();
    await panel().getByRole('button', { name: 'یک پیام آزمایشی برایم بفرست' }).click();
    const dialog = page.getByRole('dialog', { name: 'ارسال پیام آزمایشی' });
    await dialog.getByLabel('شمارهٔ تلفن').fill('+989350000003');
    await dialog.getByRole('button', { name: 'ارسال', exact: true }).click();
    await dialog.getByText('در صندوق سندباکس نگه داشته شد').waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expectAccessible(page, 'the test-send dialog in Persian');
    await screenshot(page, 'test-send-dialog-fa');
  });
});
