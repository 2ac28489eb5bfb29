import { DateTime } from 'luxon';
/// <reference lib="dom" />
// page.evaluate callbacks run in the browser.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { ShiftedClock } from '../support/shifted-clock';
import { ADMIN_KEY, TouchpointHarness } from '../support/touchpoint-harness';
import { expectAccessible, launchBrowser, openPage, screenshot, signIn } from './support/browser';

const TEHRAN = 'Asia/Tehran';

/** The last moment before now when it was 12:00 in Tehran: a time outside quiet hours, inside "last 7 days". */
function lastTehranNoon(): Date {
  const now = DateTime.now().setZone(TEHRAN);
  const noon = now.set({ hour: 12, minute: 0, second: 0, millisecond: 0 });
  return (noon > now ? noon.minus({ days: 1 }) : noon).toJSDate();
}

interface JourneyBody {
  id: string;
  version: number;
  status: string;
  quietHours?: { start: string; end: string };
  steps: Record<string, unknown>[];
}

describe('a marketer builds, simulates, publishes and runs the cart journey in the console', () => {
  const clock = new ShiftedClock();
  let tp: TouchpointHarness;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    clock.shiftTo(lastTehranNoon());
    tp = await TouchpointHarness.start({ clock, env: { CONSOLE_DIR: inject('consoleDir') } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await tp?.close();
  });
  beforeEach(async () => {
    ({ context, page } = await openPage(browser));
  });
  afterEach(() => context?.close());

  const node = (id: string) => page.getByTestId(`node-${id}`);
  const panel = () => page.getByRole('complementary');

  it('should build the cart journey from an empty canvas, flag a bad duration on its node, and create it', async () => {
    await signIn(page, tp.url, ADMIN_KEY);
    await page.getByRole('link', { name: 'New journey' }).click();
    await page.getByRole('region', { name: 'Journey canvas' }).waitFor();

    await node('entry').click();
    await panel().getByLabel('Name', { exact: true }).fill('Cart SMS');
    await panel().getByLabel('Trigger event', { exact: true }).fill('cart_abandoned');
    await panel().getByLabel('Exit on events', { exact: true }).fill('order_completed');
    await panel().getByLabel('Hold messages during quiet hours', { exact: true }).check();

    await page.getByRole('button', { name: '+ Wait', exact: true }).click();
    await node('wait_1').click();
    const duration = panel().getByLabel('Duration', { exact: true });
    await duration.fill('3 dayz');
    await node('wait_1').getByText('1 problem').waitFor();
    expect(await panel().getByRole('alert').textContent()).toMatch(/ISO-8601 duration/);
    expect(await page.getByRole('button', { name: 'Create journey' }).isDisabled()).toBe(true);
    await duration.fill('5 seconds');
    await node('wait_1').getByText('1 problem').waitFor({ state: 'detached' });
    expect(await panel().getByText('PT5S').isVisible()).toBe(true);

    await page.getByRole('button', { name: '+ Send', exact: true }).click();
    await node('send_1').click();
    await panel()
      .getByLabel('Text', { exact: true })
      .fill('{{ customer.attributes.firstName }}, your cart is waiting');
    await panel().getByLabel('Add a language', { exact: true }).fill('fa');
    await panel().getByRole('button', { name: 'Add', exact: true }).click();
    await panel()
      .getByLabel('Text', { exact: true })
      .fill('{{ customer.attributes.firstName }}، سبد خرید شما منتظر است');

    // An edit too many, undone from the keyboard.
    await page.getByRole('button', { name: '+ Exit', exact: true }).click();
    await node('exit_1').waitFor();
    await page.keyboard.press('Control+z');
    await node('exit_1').waitFor({ state: 'detached' });

    await expectAccessible(page, 'the editor');
    await page.getByRole('button', { name: 'Create journey' }).click();
    await page.waitForURL(/\/journeys\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop() as string;
    const journey = await tp.request<JourneyBody>('GET', `/v1/journeys/${id}`);
    expect(journey.body).toMatchObject({
      name: 'Cart SMS',
      trigger: { event: 'cart_abandoned' },
      exitOn: ['order_completed'],
      quietHours: { start: '21:00', end: '09:00' },
      steps: [
        { id: 'wait_1', type: 'wait', duration: 'PT5S' },
        {
          id: 'send_1',
          type: 'send',
          channel: 'sms',
          template: {
            body: '{{ customer.attributes.firstName }}, your cart is waiting',
            locales: { fa: { body: '{{ customer.attributes.firstName }}، سبد خرید شما منتظر است' } },
          },
        },
      ],
    });
    await node('send_1').click();
    // The screenshots become the README's: only once the server's preview has rendered, never an error.
    await panel().locator('.bubble').getByText('Sara, your cart is waiting').waitFor();
    await screenshot(page, 'canvas-en');
    await panel().getByRole('button', { name: 'Close the panel' }).click();

    // Simulate a Tehran customer whose wait ends at 21:30 local time: held for the quiet hours.
    await page.getByRole('button', { name: 'Simulate' }).click();
    const simulate = panel();
    expect(await simulate.getByLabel('Time zone').inputValue()).toBe(TEHRAN);
    await simulate.getByLabel('First name').fill('سارا');
    await simulate.getByLabel('When (your time)').fill('2026-12-01T18:00');
    await simulate.getByRole('button', { name: 'Simulate', exact: true }).click();
    const held = simulate.locator('.sim-step--hold');
    await held.waitFor();
    expect(await held.textContent()).toContain('quiet_hours: 21:00–09:00 Asia/Tehran, held until 09:00');
    const sent = simulate.locator('.sim-step--send');
    expect(await sent.locator('.bubble').textContent()).toBe('سارا، سبد خرید شما منتظر است');
    expect(await sent.textContent()).toContain('Local (Asia/Tehran)');
    expect(await node('send_1').getAttribute('class')).toContain('node--lit');
    await expectAccessible(page, 'the simulation');
    await simulate.getByRole('button', { name: 'Close the panel' }).click();

    // The same journey in Persian: the canvas and the panel mirrored.
    await page.getByLabel('Language').first().selectOption('fa');
    await node('send_1').click();
    await panel().getByRole('tab', { name: 'fa' }).click();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const entry = await node('entry').boundingBox();
    const palette = await page.getByRole('navigation', { name: 'افزودن گام' }).boundingBox();
    expect(entry && palette && palette.x > entry.x).toBe(true);
    await expectAccessible(page, 'the editor in Persian');
    await panel().locator('.bubble').getByText('سارا، سبد خرید شما منتظر است').waitFor();
    await screenshot(page, 'canvas-fa');
  });

  it('should add a webhook step from the palette to a journey, refuse a body that is not JSON, and save the draft', async () => {
    await signIn(page, tp.url, ADMIN_KEY);
    await page.getByRole('link', { name: 'New journey' }).click();
    await page.getByRole('region', { name: 'Journey canvas' }).waitFor();
    await node('entry').click();
    await panel().getByLabel('Name', { exact: true }).fill('Cart to CRM');
    await panel().getByLabel('Trigger event', { exact: true }).fill('cart_abandoned');
    await page.getByRole('button', { name: '+ Wait', exact: true }).click();
    await page.getByRole('button', { name: 'Create journey' }).click();
    await page.waitForURL(/\/journeys\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop() as string;

    // Edits of the created journey go to its draft: a webhook after the wait.
    await node('wait_1').click();
    await page.getByRole('button', { name: '+ Webhook', exact: true }).click();
    await node('webhook_1').click();
    await panel().getByLabel('URL', { exact: true }).fill('https://crm.example.com/hooks/cart');
    const body = panel().getByLabel('JSON body', { exact: true });
    await body.fill('{ "cart": "{{ event.properties.cartUrl }}"');
    await body.press('Tab');
    expect(await panel().getByRole('alert').textContent()).toMatch(/Not valid JSON/);
    await body.fill('{ "cart": "{{ event.properties.cartUrl }}" }');
    await body.press('Tab');
    await panel().getByRole('alert').waitFor({ state: 'detached' });
    await expectAccessible(page, 'the webhook step');

    await page.getByText('Draft saved', { exact: true }).waitFor();
    const draft = await tp.request<{ definition: { steps: unknown[] } }>('GET', `/v1/journeys/${id}/draft`);
    expect(draft.body.definition.steps).toEqual([
      { id: 'wait_1', type: 'wait', duration: 'P1D' },
      {
        id: 'webhook_1',
        type: 'webhook',
        url: 'https://crm.example.com/hooks/cart',
        body: { cart: '{{ event.properties.cartUrl }}' },
      },
    ]);
  });
});
