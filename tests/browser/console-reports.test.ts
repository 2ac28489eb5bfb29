/// <reference lib="dom" />
// page.evaluate callbacks run in the browser.
import {
  EnrollmentRepository,
  EventRepository,
  TouchpointRepository,
  type TouchpointStatus,
} from '@touchpoint/core';
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { ADMIN_KEY, TouchpointHarness } from '../support/touchpoint-harness';
import { waitFor } from '../support/wait-for';
import { expectAccessible, launchBrowser, screenshot, signIn } from './support/browser';

const H = 3_600_000;

const cartJourney = {
  name: 'Cart SMS A/B',
  stage: 'decision',
  trigger: { event: 'cart_abandoned' },
  goal: { event: 'order_completed', within: 'P7D' },
  steps: [
    {
      id: 'split',
      type: 'split',
      variants: [
        { name: 'A', weight: 50, next: 'smsA' },
        { name: 'B', weight: 50, next: 'smsB' },
      ],
      holdout: 20,
    },
    { id: 'smsA', type: 'send', channel: 'sms', template: { body: 'A' }, next: 'email' },
    { id: 'smsB', type: 'send', channel: 'sms', template: { body: 'B' }, next: 'email' },
    { id: 'email', type: 'send', channel: 'email', template: { subject: 'Your cart', html: '<p>Hi</p>' } },
  ],
};

const surveyJourney = {
  name: 'Post-purchase NPS',
  stage: 'advocacy',
  trigger: { event: 'order_delivered' },
  survey: { question: 'How likely are you to recommend us?', scale: 'nps' },
  steps: [{ id: 'ask', type: 'send', channel: 'sms', template: { body: 'Rate us: {{ survey.url }}' } }],
};

interface StepFigures {
  stepId: string;
  type: string;
  entered: number;
  sent?: number;
  delivered?: number;
  clicked?: number;
  converted?: number;
}

interface VariantFigures {
  variant: string;
  enrolled: number;
  converted: number;
  touchpoints: { sent: number; delivered: number; clicked: number };
}

interface Report {
  steps: StepFigures[];
  variants: VariantFigures[];
  significance: { treated: { significant: boolean; pValue: number | null } } | null;
}

describe('an analyst reads the journey report, the overview, the journey map and the NPS answers', () => {
  let tp: TouchpointHarness;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let analyst: string;
  let cartId: string;

  /** Enrollments and touchpoints of the cart journey a few hours ago, moved through the real repository. */
  const seedCartHistory = async () => {
    const repo = tp.app.get(TouchpointRepository);
    const base = new Date(Date.now() - 6 * H);
    const enroll = async (customer: string, variant: string | null, status: 'completed' | 'holdout') => {
      const id = randomUUID();
      await tp.db
        .insertInto('enrollments')
        .values({
          id,
          journey_id: cartId,
          journey_version: 1,
          customer_id: customer,
          status,
          variant,
          enrolled_at: base,
        })
        .execute();
      return id;
    };
    const touchpoint = async (
      customer: string,
      enrollment: string,
      step: string,
      trail: TouchpointStatus[],
      error?: string,
    ) => {
      const channel = step === 'email' ? 'email' : 'sms';
      const id = await repo.createScheduled(tp.db, {
        enrollmentId: enrollment,
        stepId: step,
        customerId: customer,
        journeyId: cartId,
        journeyVersion: 1,
        stage: 'decision',
        channel,
        scheduledFor: base,
        at: base,
      });
      let from: TouchpointStatus = 'scheduled';
      for (const to of trail) {
        const set =
          to === 'sent'
            ? { sent_at: new Date(base.getTime() + H), provider: 'sandbox' }
            : to === 'failed' || to === 'suppressed'
              ? { error }
              : {};
        expect(
          await repo.transition(tp.db, id, { from, to, at: new Date(base.getTime() + H), set }),
        ).toBeDefined();
        from = to;
      }
    };
    const delivered: TouchpointStatus[] = ['sending', 'sent', 'delivered'];
    const clicked: TouchpointStatus[] = [...delivered, 'opened', 'clicked'];
    const e1 = await enroll('c1', 'A', 'completed');
    await touchpoint('c1', e1, 'smsA', delivered);
    await touchpoint('c1', e1, 'email', clicked);
    const e2 = await enroll('c2', 'A', 'completed');
    await touchpoint('c2', e2, 'smsA', clicked);
    const e3 = await enroll('c3', 'B', 'completed');
    await touchpoint('c3', e3, 'smsB', delivered);
    const e4 = await enroll('c4', 'B', 'completed');
    await touchpoint('c4', e4, 'smsB', ['sending', 'failed'], '30003');
    const e5 = await enroll('c5', 'B', 'completed');
    await touchpoint('c5', e5, 'smsB', ['suppressed'], 'no_consent');
    await enroll('c7', null, 'holdout');
    await enroll('c8', null, 'holdout');
    // Orders: c1 two hours after its click, c7 from the holdout without any message.
    const order = (customer: string, at: Date) => ({
      id: `evt-${randomUUID()}`,
      customer_id: customer,
      name: 'order_completed',
      properties: JSON.stringify({}),
      occurred_at: at,
      received_at: at,
      processed_at: at,
    });
    const orders = [
      order('c1', new Date(base.getTime() + 3 * H)),
      order('c7', new Date(base.getTime() + 3 * H)),
    ];
    await tp.db.insertInto('events').values(orders).execute();
    // Inserted as already processed: what the worker records with its claim, recorded here.
    await tp.app.get(EventRepository).recordConversions(
      tp.db,
      orders.map((o) => o.id),
    );
    await tp.app.get(EnrollmentRepository).recordConversions(tp.db, ['c1', 'c7']);
  };

  /** Sends the survey to a customer through the real worker and answers it through its link. */
  const answerSurvey = async (customerId: string, phone: string, score: number, comment: string) => {
    await tp.request('PUT', `/v1/customers/${customerId}`, { phone, locale: 'fa', consent: { sms: true } });
    const sent = await tp.request('POST', '/v1/events', { customerId, name: 'order_delivered' });
    expect(sent.status).toBe(202);
    const message = await waitFor(`the survey SMS to ${phone}`, async () => {
      const res = await tp.request<{ items: { body: string }[] }>(
        'GET',
        `/v1/sandbox/messages?channel=sms&to=${encodeURIComponent(phone)}`,
      );
      return res.body.items[0];
    });
    const link = /\/s\/[\w.-]+/.exec(message.body)?.[0];
    expect(link, message.body).toBeDefined();
    const res = await fetch(`${tp.url}${link}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ score, comment }),
    });
    expect(res.status).toBe(201);
  };

  /** The cells of a chart's table of numbers, opened as a person would. */
  const numbersOf = async (chart: string) => {
    const figure = page.getByRole('figure', { name: chart });
    await figure.getByText('Show the numbers').click();
    const rows = figure.locator('tbody tr');
    await rows.first().waitFor();
    return rows.evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('th, td'), (cell) => cell.textContent)),
    );
  };

  const chooseTheme = (theme: 'light' | 'dark') => page.getByLabel(/^(Theme|پوسته)$/).selectOption(theme);

  /** axe in the light theme, then the dark one, with a screenshot of each. */
  const checkBothThemes = async (where: string, name: string) => {
    await chooseTheme('light');
    await expectAccessible(page, `${where}, light`);
    await screenshot(page, `${name}-light`);
    await chooseTheme('dark');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await expectAccessible(page, `${where}, dark`);
    await screenshot(page, `${name}-dark`);
  };

  beforeAll(async () => {
    tp = await TouchpointHarness.start({ env: { CONSOLE_DIR: inject('consoleDir') } });
    analyst = await tp.keyFor('analyst');
    cartId = (await tp.request<{ id: string }>('POST', '/v1/journeys', cartJourney)).body.id;
    expect((await tp.request('POST', '/v1/journeys', surveyJourney)).status).toBe(201);
    await seedCartHistory();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await tp?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, timezoneId: 'UTC' });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.setDefaultNavigationTimeout(30_000);
  });
  afterEach(() => context?.close());

  it('should show the funnel per step with the numbers the API reports, and the verdict against the holdout', async () => {
    await signIn(page, tp.url, analyst);
    await page
      .getByRole('row', { name: /Cart SMS A\/B/ })
      .getByRole('link', { name: 'Report' })
      .click();
    await page.waitForURL(`**/journeys/${cartId}/report`);
    const to = new Date();
    const from = new Date(to.getTime() - 30 * 86_400_000);
    const api = await tp.request<Report>(
      'GET',
      `/v1/journeys/${cartId}/report?from=${from.toISOString()}&to=${to.toISOString()}`,
      undefined,
      { key: analyst },
    );
    expect(api.status).toBe(200);
    const sendSteps = api.body.steps.filter((step) => step.type === 'send');
    expect(sendSteps.map((step) => step.sent)).toEqual([2, 1, 1]);
    expect(await numbersOf('Funnel per step')).toEqual(
      sendSteps.map((step) => [
        step.stepId,
        ...[step.entered, step.sent, step.delivered, step.clicked, step.converted].map(String),
      ]),
    );
    expect(api.body.variants.map((variant) => variant.variant)).toEqual(['A', 'B']);
    expect(await numbersOf('Funnel per variant')).toEqual(
      api.body.variants.map(({ variant, enrolled, converted, touchpoints: { sent, delivered, clicked } }) => [
        variant,
        ...[enrolled, sent, delivered, clicked, converted].map(String),
      ]),
    );
    const verdict = page
      .getByRole('table', { name: 'Conversions beside the holdout' })
      .getByRole('row', { name: /Everyone treated/ });
    expect(await verdict.textContent()).toContain(
      api.body.significance?.treated.significant
        ? 'Significant at 95 %'
        : 'Not distinguishable from noise yet',
    );
    await checkBothThemes('the journey report', 'report-en');

    await page.getByLabel('Language').first().selectOption('fa');
    await page.getByRole('heading', { name: /گزارش: Cart SMS A\/B/ }).waitFor();
    // Mirrored: the first step's bar group stands to the right of the last's.
    const ticks = page
      .getByRole('figure', { name: 'قیف هر گام' })
      .locator('.recharts-xAxis-tick-labels text');
    const first = await ticks.filter({ hasText: 'smsA' }).boundingBox();
    const last = await ticks.filter({ hasText: 'email' }).boundingBox();
    expect(first && last && first.x > last.x).toBe(true);
    await expectAccessible(page, 'the journey report in Persian, dark');
    await screenshot(page, 'report-fa-dark');
  });

  it('should show the overview with the API’s figures in both themes', async () => {
    const overview = await tp.request<{ touchpoints: { sent: number; failed: number } }>(
      'GET',
      '/v1/analytics/overview',
      undefined,
      { key: analyst },
    );
    await signIn(page, tp.url, analyst);
    await page.getByRole('link', { name: 'Overview', exact: true }).click();
    const sent = page.locator('.figures__item', { hasText: 'Sent' }).locator('dd');
    expect(await sent.textContent()).toBe(String(overview.body.touchpoints.sent));
    await page.getByRole('table', { name: 'Top 10 failure reasons' }).getByText('30003').waitFor();
    await checkBothThemes('the overview', 'overview-en');
  });

  it('should show a survey answered now on the NPS page, a detractor linked to their journey', async () => {
    await answerSurvey('cust-42', '+989121112233', 3, 'پیامک دیر رسید و لینک کار نکرد');
    await signIn(page, tp.url, analyst);
    await page.getByRole('link', { name: 'NPS', exact: true }).click();
    const answers = page.getByRole('region', { name: 'Answers' });
    const answer = answers.getByRole('listitem').filter({ hasText: 'پیامک دیر رسید' });
    await answer.waitFor();
    expect(await answer.textContent()).toContain('3 of 10');
    expect(await answer.textContent()).toContain('Detractor');
    expect(await answer.getByRole('link').getAttribute('href')).toBe('/customers/cust-42');
    await page.getByRole('searchbox', { name: 'Search the comments' }).fill('nothing-like-this');
    await answers.getByText('No answers match.').waitFor();
    await page.getByRole('searchbox', { name: 'Search the comments' }).fill('لینک');
    await answer.waitFor();
    expect((await numbersOf('NPS per week: promoters, passives and detractors')).at(-1)?.slice(1)).toEqual([
      '0',
      '0',
      '1',
      '-100',
    ]);
    await checkBothThemes('the NPS page', 'nps-en');
    await page.getByLabel('Language').first().selectOption('fa');
    await page.getByRole('heading', { name: 'NPS و پاسخ‌ها' }).waitFor();
    await expectAccessible(page, 'the NPS page in Persian, dark');
    await screenshot(page, 'nps-fa-dark');
  });

  it('should mark the weakest cell of the journey map, in Persian, mirrored, in both themes', async () => {
    await signIn(page, tp.url, analyst);
    await page.getByLabel('Language').first().selectOption('fa');
    await page.goto(`${tp.url}/stages?minVolume=1&minResponses=1`);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const map = page.getByRole('table', { name: 'ارقام به تفکیک مرحله (ستون‌ها) و کانال (سطرها)' });
    const awareness = await map.getByRole('columnheader', { name: 'آگاهی' }).boundingBox();
    const advocacy = await map.getByRole('columnheader', { name: 'حمایت' }).boundingBox();
    expect(awareness && advocacy && awareness.x > advocacy.x).toBe(true);
    // Engagement: SMS at decision is 1 click of 3 delivered, below email's 1 of 1.
    const weakest = map.locator('.stage-cell--weakest', { hasText: 'کمترین درگیری' });
    const link = weakest.getByRole('link', { name: 'دیدن این پیام‌ها در لاگ' }).first();
    const href = new URL((await link.getAttribute('href')) as string, tp.url);
    expect(href.pathname).toBe('/log');
    expect(
      Object.fromEntries([...href.searchParams].filter(([key]) => key !== 'from' && key !== 'to')),
    ).toEqual({ stage: 'decision', channel: 'sms' });
    await checkBothThemes('the journey map in Persian', 'stages-fa');
  });

  it('should keep the dark theme across a reload and the journeys list, canvas and settings axe-clean in it', async () => {
    await signIn(page, tp.url, ADMIN_KEY);
    await chooseTheme('dark');
    await page.reload();
    await page.getByRole('heading', { name: 'Journeys' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('dark');
    await expectAccessible(page, 'the journeys list, dark');
    await screenshot(page, 'journeys-dark');

    await page.getByRole('link', { name: 'Cart SMS A/B' }).click();
    await page.getByRole('region', { name: 'Journey canvas' }).waitFor();
    expect(await page.locator('.react-flow').getAttribute('class')).toContain('dark');
    await expectAccessible(page, 'the canvas, dark');
    await screenshot(page, 'canvas-dark');

    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await expectAccessible(page, 'the settings, dark');
    await screenshot(page, 'settings-dark');
  });
});
