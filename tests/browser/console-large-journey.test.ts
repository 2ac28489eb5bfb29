/// <reference lib="dom" />
// page.evaluate callbacks run in the browser.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ADMIN_KEY, TouchpointHarness } from '../support/touchpoint-harness';
import { launchBrowser, openPage, screenshot, signIn } from './support/browser';

const STEPS = 50;

/** A 50-step journey: waits and sends in turn, as a long drip campaign has them. */
const longJourney = {
  name: 'Fifty steps',
  stage: 'retention',
  trigger: { event: 'signed_up' },
  steps: Array.from({ length: STEPS }, (_, i) =>
    i % 2 === 0
      ? { id: `wait_${i}`, type: 'wait', duration: 'P1D' }
      : {
          id: `send_${i}`,
          type: 'send',
          channel: 'email',
          template: { subject: `Day ${i}`, html: `<p>${i}</p>` },
        },
  ),
};

describe('a 50-step journey on the canvas', () => {
  let tp: TouchpointHarness;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let journeyId: string;

  beforeAll(async () => {
    tp = await TouchpointHarness.start({ withWorker: false, env: { CONSOLE_DIR: inject('consoleDir') } });
    browser = await launchBrowser();
    const created = await tp.request<{ id: string }>('POST', '/v1/journeys', longJourney);
    expect(created.status).toBe(201);
    journeyId = created.body.id;
    ({ context, page } = await openPage(browser));
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await tp?.close();
  });

  it('should open every step, keep only the visible ones in the page, and walk them from the keyboard', async () => {
    await signIn(page, tp.url, ADMIN_KEY);
    const opened = Date.now();
    await page.goto(`${tp.url}/journeys/${journeyId}`);
    // It opens at its start, readable: the entry and the first steps in view, not all 50 too small to read.
    await page.getByTestId('node-wait_0').waitFor();
    const firstPaintMs = Date.now() - opened;
    await screenshot(page, 'large-journey');
    const zoom = await page
      .locator('.react-flow__viewport')
      .evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
    expect(zoom).toBeGreaterThanOrEqual(0.6);
    // Only the nodes in view are rendered (onlyRenderVisibleElements): a long journey costs what is seen.
    const rendered = await page.locator('.react-flow__node').count();
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThanOrEqual(STEPS + 2);

    // The keyboard walks the journey in order and Enter opens the step's panel, however far down it is.
    await page.locator('.react-flow__node[data-id="step-0"]').focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('complementary').getByText('send_5').first().waitFor();

    // Frames while panning the whole height of the journey, for the closing note (no timing assertion).
    const frames = await page.evaluate(async () => {
      const pane = document.querySelector('.react-flow__pane') as HTMLElement;
      const box = pane.getBoundingClientRect();
      const times: number[] = [];
      let last = performance.now();
      let running = true;
      const tick = (now: number) => {
        times.push(now - last);
        last = now;
        if (running) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      const x = box.left + box.width / 2;
      for (let i = 0; i < 60; i++) {
        const y = box.top + box.height - 20 - ((i % 30) * (box.height - 40)) / 30;
        pane.dispatchEvent(new WheelEvent('wheel', { deltaY: 120, clientX: x, clientY: y, bubbles: true }));
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      running = false;
      times.sort((a, b) => a - b);
      return {
        count: times.length,
        p50: times[Math.floor(times.length / 2)],
        p95: times[Math.floor(times.length * 0.95)],
      };
    });
    expect(frames.count).toBeGreaterThan(0);
    console.log(
      `50-step canvas: first node in ${firstPaintMs} ms, ${rendered} nodes in the page, ` +
        `frame p50 ${frames.p50.toFixed(1)} ms, p95 ${frames.p95.toFixed(1)} ms while scrolling`,
    );
  });
});
